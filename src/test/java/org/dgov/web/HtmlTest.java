package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.Http;
import org.dgov.graph.History;
import org.dgov.graph.NamedQuery;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text from the data is always escaped: a label {@code <script>} renders as text, on every page
 * that shows labels.
 */
class HtmlTest {

  /** A label in each language that would run a script or add markup if it were not escaped. */
  private static final String HOSTILE_EN = "<script>alert(1)</script>\"'";

  private static final String HOSTILE_ZH = "<b>\"引'</b>";
  private static final String ESCAPED_EN = "&lt;script&gt;alert(1)&lt;/script&gt;";

  private static FusekiServer server;

  @Test
  void labelsAndQuotesAreEscaped() {
    Graph graph = GraphFactory.createDefaultGraph();
    Node x = NodeFactory.createURI(DGOV.ID + "x");
    Node evidence = NodeFactory.createBlankNode();
    graph.add(Triple.create(x, RDF.type.asNode(), DGOV.Forum.asNode()));
    graph.add(
        Triple.create(
            x,
            RDFS.label.asNode(),
            NodeFactory.createLiteralLang("<script>alert(1)</script>", "en")));
    graph.add(Triple.create(x, DGOV.evidence.asNode(), evidence));
    graph.add(
        Triple.create(
            evidence,
            DGOV.page.asNode(),
            NodeFactory.createLiteralString("\"><img src=x onerror=alert(2)>")));
    graph.add(
        Triple.create(
            evidence, DGOV.quote.asNode(), NodeFactory.createLiteralLang("<b>引文</b>", "zh")));
    History.Entry change =
        new History.Entry(
            7,
            "alice",
            Instant.parse("2026-12-07T03:00:00Z"),
            "<i>renamed</i>",
            java.util.List.of(x),
            java.util.List.of(),
            0,
            "");
    String html =
        Html.render("resource.jte", ResourcePage.page(graph, x, "x", java.util.List.of(change)));
    assertTrue(html.contains("href=\"/dgov/changes/7\""), html);
    assertTrue(
        html.contains("&lt;i&gt;renamed&lt;/i&gt;"), "the history shows the message, escaped");
    assertFalse(html.contains("<script>alert"), html);
    assertFalse(html.contains("<img src=x"), html);
    assertFalse(html.contains("<b>引文"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  /**
   * A server with the pages on a tiny graph where every label, definition and quote is hostile: a
   * layer, a topic under it, a mechanism covering the topic with evidence, their classes.
   */
  @BeforeAll
  static void start() {
    Graph graph = GraphFactory.createDefaultGraph();
    Node layer = id("layer");
    Node topic = id("topic");
    Node mechanism = id("mechanism");
    Node evidence = NodeFactory.createBlankNode();
    add(graph, layer, RDF.type.asNode(), DGOV.IssueLayer.asNode());
    add(graph, topic, RDF.type.asNode(), DGOV.Topic.asNode());
    add(graph, topic, SKOS.broader.asNode(), layer);
    add(graph, mechanism, RDF.type.asNode(), DGOV.GovernanceMechanism.asNode());
    add(graph, mechanism, DGOV.coversTopic.asNode(), topic);
    add(graph, mechanism, DGOV.evidence.asNode(), evidence);
    add(graph, mechanism, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(HOSTILE_EN, "en"));
    add(graph, evidence, DGOV.attests.asNode(), topic);
    add(graph, evidence, DGOV.page.asNode(), NodeFactory.createLiteralString(HOSTILE_EN));
    add(graph, evidence, DGOV.quote.asNode(), NodeFactory.createLiteralLang(HOSTILE_ZH, "zh"));
    Node ontology = DGOV.ontology.asNode();
    add(graph, ontology, DCTerms.description.asNode(), hostile());
    for (Node term :
        new Node[] {
          layer,
          topic,
          mechanism,
          ontology,
          DGOV.IssueLayer.asNode(),
          DGOV.Topic.asNode(),
          DGOV.GovernanceMechanism.asNode()
        }) {
      add(graph, term, RDFS.label.asNode(), hostile());
      add(graph, term, RDFS.label.asNode(), NodeFactory.createLiteralLang(HOSTILE_ZH, "zh"));
    }
    for (Node type :
        new Node[] {
          DGOV.IssueLayer.asNode(), DGOV.Topic.asNode(), DGOV.GovernanceMechanism.asNode()
        }) {
      add(graph, type, RDF.type.asNode(), OWL.Class.asNode());
      add(graph, type, RDFS.isDefinedBy.asNode(), ontology);
      add(graph, type, SKOS.definition.asNode(), hostile());
    }
    DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(dataset, () -> graph.find().forEach(dataset.getDefaultGraph()::add));
    Map<String, NamedQuery> queries = new LinkedHashMap<>();
    NamedQuery.all(Path.of("queries")).forEach(q -> queries.put(q.name(), q));
    LinkedDataServlet resources = new LinkedDataServlet();
    QueriesServlet queryPages = new QueriesServlet(queries, () -> 0);
    server =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .add(UrlLayout.SERVICE, dataset)
            .addServlet("/id/*", resources)
            .addServlet("/doc/*", resources)
            .addServlet("/ontology", new OntologyServlet(() -> graph))
            .addServlet("/queries/*", queryPages)
            .addServlet("/search", new SearchServlet())
            .addServlet("", new HomeServlet(queries, () -> 0))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/, 200",
    "/doc/mechanism, 200",
    "/doc/topic, 200",
    "/doc/mechanisn, 404",
    "/ontology, 200",
    "/search?q=script, 200",
    "/queries/count-resources-by-class, 200",
    "/queries/show-coverage-matrix, 200"
  })
  void everyPageThatShowsLabelsEscapesThem(String path, int status) throws Exception {
    HttpResponse<String> response = Http.get(Http.base(server) + path, "Accept", "text/html");
    String html = response.body();
    assertEquals(status, response.statusCode(), html);
    assertTrue(html.contains(ESCAPED_EN), "the label is shown, as text: " + html);
    assertFalse(html.contains("<script>alert"), html);
    assertFalse(html.contains("<b>"), html);
    assertFalse(html.contains("=\"<"), "an attribute with unescaped text: " + html);
  }

  private static Node id(String slug) {
    return NodeFactory.createURI(DGOV.ID + slug);
  }

  private static Node hostile() {
    return NodeFactory.createLiteralLang(HOSTILE_EN, "en");
  }

  private static void add(Graph graph, Node s, Node p, Node o) {
    graph.add(Triple.create(s, p, o));
  }
}
