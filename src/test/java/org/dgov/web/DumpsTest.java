package org.dgov.web;

import static org.dgov.HttpStatus.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VOID;
import org.dgov.Http;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dump is described in VoID by the subset it holds, and holds exactly as many triples as that
 * subset's {@code void:triples} says: the asserted statements and the graph as served (with what is
 * entailed), on the read-only server and after a write on the writable one.
 */
@ExtendWith(Shared.class)
class DumpsTest {

  private static final Node DATASET = NodeFactory.createURI(DGOV.ID + "dgov-kg");

  @Test
  void eachDumpHoldsAsManyTriplesAsVoidSaysOnTheReadOnlyServer(Shared.Server server)
      throws Exception {
    Map<String, Long> counts = checkedCounts(server.base());
    assertTrue(
        counts.get(DumpsServlet.ENTAILED) > counts.get(DumpsServlet.ASSERTED),
        "the entailed dump holds more than the asserted one: " + counts);
    Graph description = voidOf(server.base());
    assertEquals(
        counts.get(DumpsServlet.ENTAILED),
        triples(description, DATASET),
        "the dataset as served is the entailed dump");
  }

  @Test
  void aWriteUpdatesBothDumpsAndTheirCounts(@TempDir Path dir) throws Exception {
    FusekiServer server = TestProjects.writableServer(dir);
    try {
      String base = Http.base(server);
      Map<String, Long> before = checkedCounts(base);
      String note = "a note for both dumps";
      HttpResponse<String> write =
          Http.post(
              base + "/dgov/update",
              "application/sparql-update",
              "INSERT DATA { <"
                  + DGOV.ID
                  + "rcep> <http://www.w3.org/2004/02/skos/core#editorialNote> \""
                  + note
                  + "\"@en }",
              "Authorization",
              TestProjects.AUTHORIZATION);
      assertSucceeded(write);
      Map<String, Long> after = checkedCounts(base);
      for (String dump : List.of(DumpsServlet.ASSERTED, DumpsServlet.ENTAILED)) {
        assertTrue(after.get(dump) > before.get(dump), dump + ": " + before + " -> " + after);
        assertTrue(text(dump(base, dump)).contains(note), dump + " did not follow the write");
      }
    } finally {
      server.stop();
    }
  }

  /**
   * The triples of each dump, checked against the {@code void:triples} of the subset that names it
   * as its {@code void:dataDump}; by file name.
   */
  private static Map<String, Long> checkedCounts(String base) throws Exception {
    Graph description = voidOf(base);
    Map<String, Long> counts = new HashMap<>();
    List<Node> subsets =
        description
            .find(DATASET, VOID.subset.asNode(), Node.ANY)
            .mapWith(Triple::getObject)
            .filterKeep(s -> description.contains(s, VOID.dataDump.asNode(), Node.ANY))
            .toList();
    assertEquals(2, subsets.size(), "an asserted and an entailed subset: " + subsets);
    for (Node subset : subsets) {
      assertFalse(
          description.find(subset, DCTerms.description.asNode(), Node.ANY).toList().isEmpty(),
          subset + " says what it holds");
      long expected = triples(description, subset);
      for (Triple t : description.find(subset, VOID.dataDump.asNode(), Node.ANY).toList()) {
        String url = t.getObject().getURI();
        String file = url.substring(url.lastIndexOf('/') + 1);
        Graph dump = GraphFactory.createDefaultGraph();
        RDFParser.create()
            .source(new StringReader(text(dump(base, file))))
            .lang(file.endsWith(".ttl.gz") ? Lang.TURTLE : Lang.NTRIPLES)
            .parse(dump);
        assertEquals(expected, dump.size(), file + " against void:triples of " + subset);
        assertTrue(
            description.contains(DATASET, VOID.dataDump.asNode(), t.getObject()),
            "the dataset names " + file);
        counts.put(file, (long) dump.size());
      }
    }
    assertEquals(
        Set.of(DumpsServlet.ASSERTED, DumpsServlet.ASSERTED_TURTLE, DumpsServlet.ENTAILED),
        counts.keySet());
    return counts;
  }

  private static Graph voidOf(String base) throws IOException, InterruptedException {
    HttpResponse<String> response = Http.get(base + "/.well-known/void", "Accept", "text/turtle");
    assertEquals(200, response.statusCode());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.create().source(new StringReader(response.body())).lang(Lang.TURTLE).parse(g);
    return g;
  }

  private static long triples(Graph description, Node subject) {
    return ((Number)
            description
                .find(subject, VOID.triples.asNode(), Node.ANY)
                .next()
                .getObject()
                .getLiteralValue())
        .longValue();
  }

  private static byte[] dump(String base, String file) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = Http.getBytes(base + "/dumps/" + file);
    assertEquals(200, response.statusCode(), file);
    return response.body();
  }

  private static String text(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
