package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
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
 * complete {@code sh:ValidationReport}: read back by Jena's own report reader, every result has the
 * same focus node, path, value, source shape, constraint component, severity and message as the
 * finding it was written from; a SHACL violation is reported as Jena SHACL reports it; and the
 * checks SHACL cannot express name shapes and components that the shapes describe.
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
    for (ReportEntry e : read.getEntries()) {
      assertTrue(e.focusNode() != null && e.severity() != null, fixture + ": " + e);
      assertTrue(e.source() != null, fixture + ": no sh:sourceShape in " + e);
      assertTrue(e.sourceConstraintComponent() != null, fixture + ": no component in " + e);
      assertFalse(e.message().isBlank(), fixture + ": no message in " + e);
    }
    assertEquals(
        fields(report.findings().stream().map(Finding::result).toList()),
        fields(read.getEntries()),
        fixture + ": the report read back is not the report written");
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
    read.getEntries().stream()
        .flatMap(e -> e.messages().stream())
        .forEach(m -> assertEquals("en", m.getLiteralLanguage(), fixture + ": " + m));
  }

  /**
   * Jena SHACL's own report on a pure-SHACL violation and ours agree on focus node, path, source
   * shape, constraint component, value and severity.
   */
  @Test
  void aShaclViolationIsReportedAsJenaShaclReportsIt() throws SyntaxError {
    String fixture = "agreement-invalid-party-not-actor.ttl";
    RdfFiles.Parsed entry = RdfFiles.parse(FIXTURES.resolve(fixture), fixture);
    Graph union = Inference.closure(graph.withEntries(List.of(entry)));
    Node focus = NodeFactory.createURI(DGOV.ID + "test-agreement");
    ValidationReport jena =
        ShaclValidator.get().validate(Shapes.parse(graph.shapes()), union, focus);
    assertFalse(jena.conforms());
    Set<List<Object>> ours =
        withoutMessages(
            fields(ValidationReport.fromGraph(turtle(check(fixture))).getEntries()).stream()
                .filter(f -> f.get(0).equals(focus))
                .toList());
    assertEquals(withoutMessages(fields(jena.getEntries())), ours);
  }

  /** Every check SHACL cannot express has a shape and a component, labelled in both languages. */
  @Test
  void everyCheckHasALabelledShapeAndComponent() {
    Graph shapes = graph.shapes();
    for (Checks check : Checks.values()) {
      assertTrue(shapes.contains(check.shape, RDF.type.asNode(), SHACL.NodeShape), check.name());
      assertTrue(
          shapes.contains(check.component, RDF.type.asNode(), SHACL.ConstraintComponent),
          check.name());
      for (Node described : List.of(check.shape, check.component)) {
        assertEquals(
            Set.of("en", "zh"),
            shapes.find(described, RDFS.label.asNode(), Node.ANY).toList().stream()
                .map(t -> t.getObject().getLiteralLanguage())
                .collect(Collectors.toSet()),
            described + " has one label in English and one in Chinese");
      }
    }
  }

  /**
   * Each result as its fields: focus node, path, value, source shape, constraint component,
   * severity and messages (the nodes, language tags included). A blank value (an evidence node) is
   * only known to be blank: the report written gives it a label of its own.
   */
  private static Set<List<Object>> fields(Collection<ReportEntry> entries) {
    Set<List<Object>> fields = new HashSet<>();
    for (ReportEntry e : entries) {
      assertTrue(
          fields.add(
              Arrays.asList(
                  e.focusNode(),
                  e.resultPath(),
                  e.value() != null && e.value().isBlank() ? "a blank node" : e.value(),
                  e.source(),
                  e.sourceConstraintComponent(),
                  e.severity().level(),
                  Set.copyOf(e.messages()))),
          "one result per finding: " + e);
    }
    return fields;
  }

  private static Set<List<Object>> withoutMessages(Collection<List<Object>> fields) {
    return fields.stream().map(f -> f.subList(0, f.size() - 1)).collect(Collectors.toSet());
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
