// The SPARQL editor: YASGUI on this server's endpoint, with the named queries as example tabs.
(function () {
  var endpoint = window.location.origin + '/dgov/sparql';
  var yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: [] }
  });
  var asked = new URLSearchParams(window.location.search).get('query');
  if (asked) {
    yasgui.getTab().setQuery(asked);
    return;
  }
  fetch('/queries', { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (queries) {
      queries.forEach(function (q) {
        yasgui.addTab(false, { name: q.title }).setQuery(q.query);
      });
    });
}());
