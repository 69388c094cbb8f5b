package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C Turtle test suite (src/test/resources/w3c, with its licence) through the parser that
 * {@code validate} and {@code /dgov/validate} use — Jena RIOT, strict, and RDF4J Rio: positive
 * tests are accepted (evaluation tests give the expected triples), negative ones rejected with a
 * message naming the place.
 */
class TurtleSuiteTest {

  private static final Path SUITE = Path.of("src/test/resources/w3c/rdf-turtle");
  private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
  private static final String RDFT = "http://www.w3.org/ns/rdftest#";
  private static final String BASE = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/";

  static Stream<Arguments> tests() {
    Graph manifest = GraphFactory.createDefaultGraph();
    RDFParser.source(SUITE.resolve("manifest.ttl")).base(BASE + "manifest.ttl").parse(manifest);
    Node entries = manifest.find(Node.ANY, uri(MF + "entries"), Node.ANY).next().getObject();
    return GraphList.members(new GNode(manifest, entries)).stream()
        .map(
            test -> {
              String type =
                  manifest
                      .find(test, RDF.type.asNode(), Node.ANY)
                      .next()
                      .getObject()
                      .getLocalName();
              String action =
                  manifest.find(test, uri(MF + "action"), Node.ANY).next().getObject().getURI();
              Node result =
                  manifest
                      .find(test, uri(MF + "result"), Node.ANY)
                      .nextOptional()
                      .map(Triple::getObject)
                      .orElse(null);
              return Arguments.of(
                  test.getLocalName(),
                  type,
                  action.substring(BASE.length()),
                  result == null ? null : result.getURI().substring(BASE.length()));
            });
  }

  /**
   * Positive tests that the strict parser rejects on purpose, with the reason. Curated data turns
   * every Jena warning into an error; these inputs are legal Turtle that Jena warns about.
   */
  private static final Map<String, String> WAIVERS =
      Map.of(
          "prefix_with_PN_CHARS_BASE_character_boundaries",
          "U+FFFD in a prefixed name: Jena warns, strict mode refuses",
          "labeled_blank_node_with_PN_CHARS_BASE_character_boundaries",
          "U+FFFD in a blank node label: Jena warns, strict mode refuses",
          "IRI-resolution-07",
          "the IRI <http:g> lacks a host: Jena warns, strict mode refuses");

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("tests")
  void behavesAsTheSuiteSays(String name, String type, String action, String result)
      throws Exception {
    byte[] bytes = Files.readAllBytes(SUITE.resolve(action));
    if (WAIVERS.containsKey(name)) {
      SyntaxError e =
          assertThrows(
              SyntaxError.class,
              () -> RdfFiles.parse(bytes, Lang.TURTLE, action, BASE + action),
              "waiver no longer needed: " + name);
      assertTrue(e.getMessage().startsWith(action), e.getMessage());
      return;
    }
    switch (type) {
      case "TestTurtlePositiveSyntax" -> RdfFiles.parse(bytes, Lang.TURTLE, action, BASE + action);
      case "TestTurtleEval" -> {
        Graph actual = RdfFiles.parse(bytes, Lang.TURTLE, action, BASE + action).graph();
        Graph expected = RDFDataMgr.loadGraph(SUITE.resolve(result).toString(), Lang.NTRIPLES);
        assertTrue(
            expected.isIsomorphicWith(actual), name + " parsed to other triples than " + result);
      }
      case "TestTurtleNegativeSyntax", "TestTurtleNegativeEval" -> {
        SyntaxError e =
            assertThrows(
                SyntaxError.class,
                () -> RdfFiles.parse(bytes, Lang.TURTLE, action, BASE + action),
                name + " was accepted");
        assertFalse(e.getMessage().isBlank());
        assertTrue(e.getMessage().startsWith(action), e.getMessage());
      }
      default -> throw new IllegalStateException("unknown test type " + type);
    }
  }

  private static Node uri(String iri) {
    return org.apache.jena.graph.NodeFactory.createURI(iri);
  }
}
