package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;

/** Text from the data is always escaped: a label {@code <script>} renders as text. */
class HtmlTest {

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
    String html = ResourcePage.render(graph, x, "x");
    assertFalse(html.contains("<script>alert"), html);
    assertFalse(html.contains("<img src=x"), html);
    assertFalse(html.contains("<b>引文"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }
}
