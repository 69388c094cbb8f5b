// The SPARQL editor: YASGUI on this server's endpoint, with the named queries as example tabs, and
// completion of prefixes, classes and properties from this graph's own vocabulary (the JSON-LD
// context and a query to this endpoint: no outside service such as prefix.cc or LOV is asked).
(function () {
  var endpoint = window.location.origin + '/dgov/sparql';

  var prefixes = fetch('/context.jsonld', { headers: { Accept: 'application/ld+json' } })
    .then(function (response) { return response.json(); })
    .then(function (document) {
      var context = document['@context'] || {};
      return Object.keys(context)
        .filter(function (name) { return typeof context[name] === 'string' && /[#/]$/.test(context[name]); })
        .map(function (name) { return name + ': <' + context[name] + '>'; })
        .sort();
    });

  var vocabulary =
    'PREFIX owl: <http://www.w3.org/2002/07/owl#>\n' +
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n' +
    'SELECT DISTINCT ?term ?kind WHERE {\n' +
    '  VALUES ?kind { owl:Class rdfs:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }\n' +
    '  ?term a ?kind FILTER(isIRI(?term))\n' +
    '}';
  var terms = fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
    body: 'PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n' + vocabulary
  })
    .then(function (response) { return response.json(); })
    .then(function (results) {
      var classes = {}, properties = {};
      results.results.bindings.forEach(function (row) {
        var isClass = /#Class$/.test(row.kind.value);
        (isClass ? classes : properties)[row.term.value] = true;
      });
      return { classes: Object.keys(classes).sort(), properties: Object.keys(properties).sort() };
    });

  Yasqe.forkAutocompleter('prefixes', {
    name: 'localPrefixes', persistenceId: null, get: function () { return prefixes; }
  }, false);
  Yasqe.forkAutocompleter('class', {
    name: 'localClasses', bulk: true, persistenceId: null,
    get: function () { return terms.then(function (t) { return t.classes; }); }
  }, false);
  Yasqe.forkAutocompleter('property', {
    name: 'localProperties', bulk: true, persistenceId: null,
    get: function () { return terms.then(function (t) { return t.properties; }); }
  }, false);

  var yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    autoAddOnInit: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: ['localPrefixes', 'localClasses', 'localProperties', 'variables'] }
  });

  // ?query= opens in a tab of its own (Yasgui reads it from the address), ahead of the examples
  var asked = new URLSearchParams(window.location.search).get('query');
  if (asked && !yasgui.getTab()) {
    yasgui.addTab(true, { name: 'Query', yasqe: { value: asked } });
  }
  fetch('/queries', { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (queries) {
      queries.forEach(function (q, i) {
        yasgui.addTab(!asked && i === 0, { name: q.title, yasqe: { value: q.query } });
      });
    })
    .catch(function () {
      if (!yasgui.getTab()) {
        yasgui.addTab(true);
      }
    });
}());
