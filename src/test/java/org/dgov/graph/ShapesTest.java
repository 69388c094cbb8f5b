package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.vocabulary.SHACL;
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
 * Each shape passes its valid fixture and fails its invalid ones with the message a curator sees.
 * The fixtures are new entries checked together with the curated graph, as {@code validate FILE}
 * does; {@code shapes/manifest.tsv} pairs each with its shape and expected outcome.
 */
@ExtendWith(Shared.class)
class ShapesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/shapes");

  record Case(String fixture, String shape, String expected) {
    @Override
    public String toString() {
      return shape + ": " + fixture;
    }
  }

  private static CuratedGraph graph;
  private static SourceText source;

  /** Each fixture's report as {@code validate FILE} gives it, made once: both tests read it. */
  private static final Map<String, Report> CHECKED = new HashMap<>();

  @BeforeAll
  static void load(CuratedGraph curated) throws IOException {
    Project project = TestProjects.repository();
    graph = curated;
    source = SourceText.read(project.sourceText());
  }

  static List<Case> cases() throws IOException {
    try (Stream<String> lines = Files.lines(FIXTURES.resolve("manifest.tsv"))) {
      return lines
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("\t"))
          .map(f -> new Case(f[0], f[1], f[2]))
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fixtureGivesTheExpectedOutcome(Case c) throws SyntaxError {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !c.shape().equals("iso-codes check") || IsoCodes.installed().isPresent(),
        "Debian's iso-codes is not installed (apt-get install iso-codes)");
    Report report = checked(c.fixture());
    String found =
        report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
    if (c.expected().equals("conforms")) {
      assertTrue(report.conforms(), found);
    } else {
      assertTrue(
          report.findings().stream().anyMatch(f -> f.message().contains(c.expected())),
          "expected «" + c.expected() + "» among:\n" + found);
      assertTrue(
          report.findings().stream()
              .allMatch(f -> f.location() != null && f.location().file().equals(c.fixture())),
          "every finding should name the fixture file and line:\n" + found);
    }
  }

  /** Each fixture once, though the manifest may pair it with more than one shape. */
  static List<String> fixtures() throws IOException {
    return cases().stream().map(Case::fixture).distinct().toList();
  }

  /**
   * Checking entries validates only the resources they describe; the findings are exactly those
   * that validating the whole graph with the entries gives about those resources.
   */
  @ParameterizedTest
  @MethodSource("fixtures")
  void checkingEntriesFindsWhatTheWholeGraphCheckFindsAboutThem(String fixture) throws SyntaxError {
    RdfFiles.Parsed entry = RdfFiles.parse(FIXTURES.resolve(fixture), fixture);
    Set<String> subjects =
        entry.graph().find().mapWith(t -> t.getSubject()).toSet().stream()
            .filter(Node::isURI)
            .map(Node::getURI)
            .collect(Collectors.toSet());
    List<String> whole =
        Validation.validate(graph.withEntries(List.of(entry)), source).findings().stream()
            .filter(f -> f.focus().isURI() && subjects.contains(f.focus().getURI()))
            .map(Finding::toString)
            .sorted()
            .toList();
    List<String> focused =
        checked(fixture).findings().stream()
            .filter(f -> !f.message().contains("is already used for"))
            .map(Finding::toString)
            .sorted()
            .toList();
    assertEquals(whole, focused);
  }

  /** The findings of checking {@code fixture} as a new entry with the curated graph. */
  private static Report checked(String fixture) throws SyntaxError {
    Report report = CHECKED.get(fixture);
    if (report == null) {
      RdfFiles.Parsed entry = RdfFiles.parse(FIXTURES.resolve(fixture), fixture);
      report = Validation.validateEntries(graph, List.of(entry), source);
      CHECKED.put(fixture, report);
    }
    return report;
  }

  /**
   * W3C's shacl.ttl gives these annotations {@code rdfs:domain sh:PropertyShape}; RDF4J's ShaclSail
   * infers that and refuses a node shape that carries one ("Shape with multiple types"). Node
   * shapes are named with rdfs:label instead, so the shapes run unchanged on RDF4J.
   */
  @Test
  void nodeShapesCarryNoPropertyShapeAnnotation() {
    List<String> misplaced = new java.util.ArrayList<>();
    for (Node annotation :
        List.of(SHACL.name, SHACL.description, SHACL.order, SHACL.group, SHACL.defaultValue)) {
      graph.shapes().find(Node.ANY, annotation, Node.ANY).toList().stream()
          .filter(t -> graph.shapes().contains(t.getSubject(), RDF.type.asNode(), SHACL.NodeShape))
          .forEach(t -> misplaced.add(t.getSubject() + " " + annotation));
    }
    assertEquals(List.of(), misplaced);
  }

  @Test
  void everyTargetedShapeHasAValidAndAnInvalidFixture() throws IOException {
    Set<String> shapes =
        Stream.of(
                SHACL.targetClass, SHACL.targetSubjectsOf, SHACL.targetNode, SHACL.targetObjectsOf)
            .flatMap(p -> graph.shapes().find(Node.ANY, p, Node.ANY).toList().stream())
            .map(t -> t.getSubject().getURI().substring(DGOV.SHAPES.length()))
            .collect(Collectors.toSet());
    List<Case> cases = cases();
    for (String shape : shapes) {
      assertTrue(
          cases.stream().anyMatch(c -> c.shape().equals(shape) && c.expected().equals("conforms")),
          shape + " has no valid fixture");
      assertTrue(
          cases.stream().anyMatch(c -> c.shape().equals(shape) && !c.expected().equals("conforms")),
          shape + " has no invalid fixture");
    }
    assertEquals(
        shapes.size(),
        graph.shapes().find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).toList().stream()
            .filter(t -> shapes.contains(t.getSubject().getURI().substring(DGOV.SHAPES.length())))
            .count(),
        "every targeted shape is a sh:NodeShape");
  }
}
