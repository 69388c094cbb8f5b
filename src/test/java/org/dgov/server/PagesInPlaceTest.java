package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.dgov.TestProjects;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.FullText;
import org.dgov.graph.Inference;
import org.dgov.graph.Project;
import org.dgov.store.Store;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages of a server on a TDB2 store read the store in place, inside the request's read
 * transaction, not a copy of it made once per version of the data: a statement that reached the
 * store without a new version (as no write through the server does) shows at once in what the pages
 * count, where a copy kept for the version would hide it.
 */
class PagesInPlaceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A resource added to the store behind the server's back, with no new version. */
  private static final Triple ADDED =
      Triple.create(
          NodeFactory.createURI(DGOV.ID + "test-in-place-forum"),
          RDF.type.asNode(),
          DGOV.Forum.asNode());

  @Test
  void aReplicasPagesCountTheStoreAsItIsAtAFixedVersion(@TempDir Path dir) throws Exception {
    Project project = TestProjects.repository();
    CuratedGraph curated = CuratedGraph.loadForServing(project);
    Store store = Store.load(dir, curated, Inference.closure(curated));
    TextIndex index = FullText.declared(project.fusekiConfig());
    Store indexed = store.through(dataset -> FullText.following(dataset, index));
    FusekiServer server =
        DgovServer.replica(
            project,
            curated,
            indexed,
            index,
            new DgovServer.ServerPlace(0, true),
            () -> 0,
            builder -> {});
    server.start();
    try {
      assertCountsFollowTheStore(server, indexed.dataset());
    } finally {
      server.stop();
    }
  }

  @Test
  void aWritableServersPagesCountTheStoreAsItIsAtTheSameVersion(@TempDir Path dir)
      throws Exception {
    FusekiServer server = TestProjects.writableServer(dir);
    try {
      // the same TDB2 store the server runs on, written to without going through it
      DatasetGraph store =
          TDB2Factory.connectDataset(dir.resolve("db").toString()).asDatasetGraph();
      assertCountsFollowTheStore(server, store);
    } finally {
      server.stop();
    }
  }

  /** VoID's counts of the asserted dump and of the served graph grow by {@link #ADDED}. */
  private static void assertCountsFollowTheStore(FusekiServer server, DatasetGraph store)
      throws Exception {
    String base = "http://localhost:" + server.getHttpPort();
    Graph before = voidOf(base);
    Txn.executeWrite(store, () -> store.getDefaultGraph().add(ADDED));
    Graph after = voidOf(base);
    Node asserted = NodeFactory.createURI(base + "/dumps/#asserted");
    assertEquals(
        triples(before, asserted) + 1,
        triples(after, asserted),
        "the asserted statements counted at the same version include the one just added");
    Node dataset = NodeFactory.createURI(DGOV.ID + "dgov-kg");
    assertEquals(
        triples(before, dataset) + 1,
        triples(after, dataset),
        "the served statements counted at the same version include the one just added");
  }

  private static Graph voidOf(String base) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/.well-known/void"))
                .header("Accept", "text/turtle")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return RDFParser.fromString(response.body(), Lang.TURTLE).base(base).toGraph();
  }

  private static long triples(Graph description, Node subject) {
    return description
        .find(subject, VOID.triples.asNode(), Node.ANY)
        .nextOptional()
        .map(t -> Long.parseLong(t.getObject().getLiteralLexicalForm()))
        .orElseThrow(() -> new AssertionError("VoID gives no void:triples for " + subject));
  }
}
