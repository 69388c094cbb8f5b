package org.dgov.replica;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.dgov.TestProjects;
import org.dgov.graph.History;
import org.dgov.store.Store;

/** What the replication suites do over HTTP and read from stores. */
final class ReplicaClient {

  static final String PREFIXES =
      "PREFIX dgov: <https://w3id.org/dgov/ontology#> PREFIX dgr: <https://w3id.org/dgov/id/> "
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ReplicaClient() {}

  /** SPARQL Update as alice, with extra headers (name, value, …). */
  static HttpResponse<String> update(String base, String update, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/dgov/update"))
            .header("Content-Type", "application/sparql-update")
            .header("Authorization", TestProjects.AUTHORIZATION)
            .POST(HttpRequest.BodyPublishers.ofString(PREFIXES + update));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String base, String path, String type, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", type)
            .header("Authorization", TestProjects.AUTHORIZATION)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String base, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The SPARQL results (JSON) of {@code query} on the server at {@code base}. */
  static HttpResponse<String> query(String base, String query)
      throws IOException, InterruptedException {
    return get(
        base,
        "/dgov/sparql?query="
            + URLEncoder.encode(PREFIXES + query, StandardCharsets.UTF_8)
            + "&format=json");
  }

  /** Waits until {@code condition} holds; fails after a minute (a hung run, not a slow one). */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The TDB2 store in {@code db} of this JVM's writable server. */
  static DatasetGraph store(java.nio.file.Path db) {
    return TDB2Factory.connectDataset(db.toString()).asDatasetGraph();
  }

  static long version(DatasetGraph dataset) {
    return Txn.calculateRead(dataset, () -> History.version(History.in(dataset)));
  }

  /** An in-memory copy of {@code dataset}: every graph, with the default graph's statements. */
  static DatasetGraph copy(DatasetGraph dataset) {
    return Txn.calculateRead(
        dataset,
        () -> {
          DatasetGraph copy = DatasetGraphFactory.create();
          dataset.find().forEachRemaining(copy::add);
          return copy;
        });
  }

  /** The asserted statements of {@code dataset}, copied. */
  static Graph asserted(DatasetGraph dataset) {
    return Txn.calculateRead(
        dataset,
        () -> {
          Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
          Store.asserted(dataset).find().forEach(g::add);
          return g;
        });
  }
}
