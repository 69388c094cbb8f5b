#!/usr/bin/env bash
# Against peers (prints numbers and appends them to BENCHMARKS.md; not a test): the same jar's plain
# Fuseki main, and Oxigraph's WASM build (npm package oxigraph behind bench/oxigraph-server.js),
# serving the same data (the curated graph with its RDFS closure, exported) with no additions,
# against our server, on the named queries sent as ad-hoc SPARQL, CONNECTIONS at a time (default 4,
# our query cap). Needs wrk; Oxigraph is skipped when npm or node is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-4}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
mvn -q -B -DskipTests test-compile package
rm -rf target/peers && mkdir -p target/peers
java -jar target/dgov-kg.jar export --out target/peers > /dev/null
QUERIES=$(ls queries/*.rq)
run() { # name port path
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/adhoc-queries.lua "http://localhost:$2" -- "$3" $QUERIES > /dev/null
  printf '%s: ' "$1"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 15s -s bench/adhoc-queries.lua "http://localhost:$2" -- "$3" $QUERIES | tail -1
}
java -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.PlainFuseki 3097 target/peers/dgov-inferred.ttl > target/peers/plain.log 2>&1 &
PLAIN=$!
java -jar target/dgov-kg.jar serve --localhost --port 3098 > target/peers/dgov.log 2>&1 &
OURS=$!
OXIGRAPH=
if command -v npm >/dev/null && command -v node >/dev/null; then
  mkdir -p target/oxigraph && npm install --silent --no-audit --no-fund --prefix target/oxigraph oxigraph > /dev/null
  node bench/oxigraph-server.js 3096 target/peers/dgov-inferred.nt target/oxigraph/node_modules > target/peers/oxigraph.log 2>&1 &
  OXIGRAPH=$!
fi
trap 'kill $PLAIN $OURS $OXIGRAPH 2>/dev/null || true' EXIT
ready() { curl -sf -o /dev/null "http://localhost:$1?query=ASK%7B%7D"; }
for _ in $(seq 1 120); do ready 3097/plain/sparql && ready 3098/dgov/sparql && break; sleep 0.5; done
ready 3097/plain/sparql && ready 3098/dgov/sparql || { tail target/peers/*.log; exit 1; }
{
  echo
  echo "## Against peers"
  echo
  echo "Written by \`bench/peers.sh\` on $(date -u +%Y-%m-%d): the same jar's plain Fuseki main and Oxigraph's WASM build (npm"
  echo "\`oxigraph\` behind a minimal Node HTTP server) serving the same data (the curated graph with its RDFS closure) with no"
  echo "additions, against \`dgov-kg serve\`, on the $(echo $QUERIES | wc -w) named queries sent as"
  echo "ad-hoc SPARQL, $CONNECTIONS connections (our query cap), ${DURATION} s each, measured in the same run."
  echo
  echo '```'
  run "plain Fuseki main" 3097 /plain/sparql | tee target/peers/results.txt
  run "dgov-kg serve    " 3098 /dgov/sparql | tee -a target/peers/results.txt
  if [ -n "$OXIGRAPH" ]; then run "Oxigraph (WASM)  " 3096 /sparql | tee -a target/peers/results.txt; fi
  echo '```'
  echo
  echo "Each peer divided by dgov-kg serve (throughput above 1: the peer serves more; p50 above 1: the peer answers slower):"
  echo
  awk -F'|' '{ split($1, a, "requests/s "); rps[NR] = a[2] + 0; split($2, b, "p50 "); p50[NR] = b[2] + 0;
      split($1, n, ":"); name[NR] = n[1]; sub(/ +$/, "", name[NR]) }
    END { for (i = 1; i <= NR; i++) if (i != 2)
      printf "- %s: throughput %.2f, p50 %.2f\n", name[i], rps[i] / rps[2], p50[i] / p50[2] }' target/peers/results.txt
} | tee -a BENCHMARKS.md
