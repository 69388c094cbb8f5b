package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.vocabulary.RDF;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SHACL report that {@code validate --format turtle} and {@code /dgov/validate} write is a
 * complete {@code sh:ValidationReport}: read back by Jena's own report reader, every result has its
 * focus node, severity, message, source shape and constraint component, and the checks SHACL cannot
 * express name components that the shapes describe.
 */
@ExtendWith(Shared.class)
class ReportFormatsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/shapes");

  private static CuratedGraph graph;
  private static SourceText source;

  @BeforeAll
  static void load(CuratedGraph curated) throws IOException {
    graph = curated;
    source = SourceText.read(TestProjects.repository().sourceText());
  }

  static Stream<String> invalidFixtures() throws IOException {
    return Files.lines(FIXTURES.resolve("manifest.tsv"))
        .filter(l -> !l.startsWith("#") && !l.isBlank() && !l.endsWith("\tconforms"))
        .map(l -> l.split("\t")[0]);
  }

  private static Report check(String fixture) throws SyntaxError {
    RdfFiles.Parsed entry = RdfFiles.parse(FIXTURES.resolve(fixture), fixture);
    return Validation.validateEntries(graph, List.of(entry), source);
  }

  private static Graph turtle(Report report) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.create()
        .source(new StringReader(ReportFormats.write(report, ReportFormats.Format.turtle)))
        .lang(Lang.TURTLE)
        .parse(g);
    return g;
  }

  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void everyResultIsCompleteAndReadBackAsTheSameFindings(String fixture) throws SyntaxError {
    Report report = check(fixture);
    assertFalse(report.conforms(), fixture);
    Graph written = turtle(report);
    ValidationReport read = ValidationReport.fromGraph(written);
    assertFalse(read.conforms(), fixture);
    assertEquals(report.findings().size(), read.getEntries().size(), fixture);
    for (ReportEntry e : read.getEntries()) {
      assertTrue(e.focusNode() != null && e.severity() != null, fixture + ": " + e);
      assertTrue(e.source() != null, fixture + ": no sh:sourceShape in " + e);
      assertTrue(e.sourceConstraintComponent() != null, fixture + ": no component in " + e);
      assertFalse(e.message().isBlank(), fixture + ": no message in " + e);
    }
    Graph shapes = graph.shapes();
    written
        .find(Node.ANY, SHACL.sourceConstraintComponent, Node.ANY)
        .mapWith(t -> t.getObject())
        .filterKeep(c -> c.getURI().startsWith(DGOV.SHAPES))
        .forEach(
            c ->
                assertTrue(
                    shapes.contains(c, RDF.type.asNode(), SHACL.ConstraintComponent),
                    c + " is not described in shapes/"));
  }

  @Test
  void aMisquoteNamesItsPathValueAndComponent() throws SyntaxError {
    ReportEntry e = check("resource-invalid-quote-not-on-page.ttl").findings().get(0).result();
    assertEquals(
        DGOV.SHAPES + "QuoteOnPageConstraintComponent", e.sourceConstraintComponent().getURI());
    assertTrue(e.resultPath() instanceof P_Seq, "path dgov:evidence/dgov:quote: " + e.resultPath());
    assertEquals("zh", e.value().getLiteralLanguage(), "the quote itself is the value");
  }

  @Test
  void anUnknownReferenceIsTheValueAndJsonNamesTheComponent() throws SyntaxError {
    Report report = check("reference-invalid-unknown-topic.ttl");
    Node component = NodeFactory.createURI(DGOV.SHAPES + "DescribedReferenceConstraintComponent");
    ReportEntry e =
        report.findings().stream()
            .map(Finding::result)
            .filter(r -> r.sourceConstraintComponent().equals(component))
            .findFirst()
            .orElseThrow();
    assertEquals(NodeFactory.createURI(DGOV.ID + "cross-border-data-flow"), e.value());
    JsonObject json = JSON.parse(ReportFormats.write(report, ReportFormats.Format.json));
    assertTrue(
        json.get("findings").getAsArray().stream()
            .map(f -> f.getAsObject())
            .anyMatch(
                f ->
                    f.getString("component").equals("dgsh:DescribedReferenceConstraintComponent")
                        && f.getString("value").equals("dgr:cross-border-data-flow")),
        json.toString());
  }
}
