// A minimal SPARQL endpoint over Oxigraph's WASM build (the npm package `oxigraph`), for
// bench/peers.sh: POST /sparql with application/sparql-query, answers SPARQL JSON results.
// Usage: node bench/oxigraph-server.js PORT FILE.nt NODE_MODULES_DIR
const http = require('http');
const fs = require('fs');
const path = require('path');
const [port, file, modules] = process.argv.slice(2);
const oxigraph = require(path.resolve(modules, 'oxigraph'));

const store = new oxigraph.Store();
store.load(fs.readFileSync(file, 'utf8'), { format: 'application/n-triples' });

http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    try {
      const query = req.method === 'POST' ? body : new URL(req.url, 'http://localhost').searchParams.get('query');
      const json = store.query(query, { results_format: 'application/sparql-results+json' });
      res.writeHead(200, { 'Content-Type': 'application/sparql-results+json' });
      res.end(json);
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    }
  });
}).listen(Number(port), '127.0.0.1');
