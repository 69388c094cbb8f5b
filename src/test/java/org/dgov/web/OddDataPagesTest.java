package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Http;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page never fails on data the shapes would refuse: links to other datasets that are literals or
 * not http(s) IRIs ({@code javascript:}) are shown as text, never as links. The graph is built
 * here, without validation, as a store changed behind the server's back would hold it.
 */
class OddDataPagesTest {

  private static FusekiServer server;
  private static String base;

  @BeforeAll
  static void start() {
    DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    Graph g = dataset.getDefaultGraph();
    Node depa = NodeFactory.createURI(DGOV.ID + "depa");
    Node evidence = NodeFactory.createBlankNode();
    g.add(depa, RDF.type.asNode(), DGOV.Agreement.asNode());
    g.add(depa, RDFS.label.asNode(), NodeFactory.createLiteralLang("DEPA", "en"));
    g.add(depa, OWL.sameAs.asNode(), NodeFactory.createLiteralString("not an IRI"));
    g.add(depa, OWL.sameAs.asNode(), NodeFactory.createURI("javascript:alert(1)"));
    g.add(depa, OWL.sameAs.asNode(), NodeFactory.createURI("http://dbpedia.org/resource/DEPA"));
    g.add(depa, RDFS.seeAlso.asNode(), NodeFactory.createURI("javascript:alert(2)"));
    g.add(depa, DGOV.evidence.asNode(), evidence);
    g.add(evidence, DGOV.page.asNode(), NodeFactory.createURI("javascript:alert(3)"));
    g.add(evidence, DGOV.quote.asNode(), NodeFactory.createLiteralLang("数字经济伙伴关系协定", "zh"));
    g.add(evidence, DCTerms.source.asNode(), NodeFactory.createLiteralString("a ministry"));
    g.add(evidence, DCTerms.source.asNode(), NodeFactory.createURI("javascript:alert(4)"));
    server =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .add(UrlLayout.SERVICE, dataset)
            .addServlet("/doc/*", new LinkedDataServlet())
            .build()
            .start();
    base = Http.base(server);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void linksThatAreNotHttpIrisAreShownAsTextAndThePageAnswers200() throws Exception {
    HttpResponse<String> page = Http.get(base + "/doc/depa", "Accept", "text/html");
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("not an IRI"), "a literal sameAs is shown");
    assertTrue(html.contains("a ministry"), "a literal source is shown");
    for (int i = 1; i <= 4; i++) {
      assertTrue(html.contains("javascript:alert(" + i + ")"), "shown as text: " + i);
    }
    assertFalse(html.contains("href=\"javascript"), "never a link:\n" + html);
    assertTrue(
        html.contains("<a href=\"http://dbpedia.org/resource/DEPA\">"),
        "an http(s) link is still a link");
  }

  @Test
  void theRdfOfSuchDataIsServedToo() throws Exception {
    for (String syntax : new String[] {"ttl", "jsonld", "nt", "rdf"}) {
      HttpResponse<String> document = Http.get(base + "/doc/depa." + syntax);
      assertEquals(200, document.statusCode(), syntax + ": " + document.body());
      assertTrue(document.body().contains("not an IRI"), syntax);
    }
  }
}
