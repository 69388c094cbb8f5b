package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Duplicates and typos are refused: what the scaffold leaves to fill in, and resources that repeat
 * another's ISO code or label, found per resource both when entries are checked and when the whole
 * graph is. (Each kind is also a fixture of {@code shapes/manifest.tsv}, run by {@link
 * ShapesTest}.)
 */
@ExtendWith(Shared.class)
class HygieneTest {

  private static CuratedGraph graph;
  private static SourceText source;

  @BeforeAll
  static void load(CuratedGraph curated) throws Exception {
    graph = curated;
    source = SourceText.read(TestProjects.repository().sourceText());
  }

  /**
   * Every placeholder a skeleton holds, its optional lines uncommented, is refused as such: the
   * check knows what the scaffold writes.
   */
  @ParameterizedTest
  @EnumSource(Scaffold.Kind.class)
  void everyPlaceholderTheScaffoldWritesIsRefused(Scaffold.Kind kind) throws SyntaxError {
    String skeleton = Scaffold.skeleton(graph, kind, "hygiene-test-" + kind.name());
    String uncommented =
        skeleton
            .lines()
            .map(l -> l.matches("# \\S+:\\S+ .* ;") ? " " + l.substring(1) : l)
            .collect(Collectors.joining("\n"));
    RdfFiles.Parsed entry =
        RdfFiles.parse(uncommented.getBytes(StandardCharsets.UTF_8), Lang.TURTLE, "new.ttl");
    List<Node> placeholders =
        entry.graph().find().mapWith(t -> t.getObject()).toList().stream()
            .filter(Hygiene::isPlaceholder)
            .toList();
    assertTrue(placeholders.size() >= 3, uncommented);
    List<Node> refused =
        Validation.validateEntries(graph, List.of(entry), source).findings().stream()
            .filter(
                f -> Checks.PLACEHOLDER.component.equals(f.result().sourceConstraintComponent()))
            .map(f -> f.result().value())
            .toList();
    assertEquals(placeholders.size(), refused.size(), uncommented);
    assertEquals(Set.copyOf(placeholders), Set.copyOf(refused), uncommented);
  }

  /** A real value that happens to hold the letters of the placeholder is not one. */
  @Test
  void onlyTheWordIsAPlaceholder() {
    assertTrue(Hygiene.isPlaceholder(node("\"TODO: the date\"")));
    assertFalse(Hygiene.isPlaceholder(node("\"TODOS\"")));
    assertFalse(Hygiene.isPlaceholder(node("\"todo\"@en")));
    assertTrue(Hygiene.isPlaceholder(node("<https://w3id.org/dgov/id/todo-topic>")));
    assertFalse(Hygiene.isPlaceholder(node("<https://w3id.org/dgov/id/toronto>")));
  }

  /**
   * The whole-graph check finds a duplicate per resource: each of the two resources that share a
   * code and a label is refused, naming the other.
   */
  @Test
  void theWholeGraphCheckNamesBothResourcesOfADuplicate(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir);
    Files.copy(
        Path.of("src/test/resources/shapes/state-invalid-iso-code-already-used.ttl"),
        copy.root().resolve("data/second-france.ttl"));
    Files.writeString(
        copy.root().resolve("data/second-france.ttl"),
        Files.readString(copy.root().resolve("data/second-france.ttl"))
            .replace("\"Test state\"@en", "\"France\"@en"));
    Report report = Validation.validate(CuratedGraph.load(copy), source);
    List<String> messages = report.findings().stream().map(Finding::toString).toList();
    assertTrue(
        messages.stream()
            .anyMatch(
                m ->
                    m.startsWith("data/second-france.ttl:15:")
                        && m.contains(
                            "the label \"France\"@en is already the label of dgr:france (\"France\", data/actors.ttl:")),
        String.join("\n", messages));
    assertTrue(
        messages.stream()
            .anyMatch(
                m ->
                    m.startsWith("data/actors.ttl:")
                        && m.contains(
                            "the ISO 3166 code FR is already the dgov:iso3166Alpha2 of dgr:test-state (\"France\", data/second-france.ttl:15)")),
        String.join("\n", messages));
  }

  /** Checking one resource looks up its duplicates; it does not report about the others. */
  @Test
  void checkingAnEntryReportsOnTheEntryOnly() throws Exception {
    RdfFiles.Parsed entry =
        RdfFiles.parse(
            Path.of("src/test/resources/shapes/state-invalid-iso-code-already-used.ttl"),
            "state.ttl");
    Report report = Validation.validateEntries(graph, List.of(entry), source);
    List<Finding> codes =
        report.findings().stream()
            .filter(
                f -> Checks.UNIQUE_CODE.component.equals(f.result().sourceConstraintComponent()))
            .toList();
    assertEquals(3, codes.size(), codes.toString());
    assertTrue(codes.stream().allMatch(f -> f.focus().getURI().endsWith("/test-state")));
    assertTrue(codes.stream().allMatch(f -> f.location().file().equals("state.ttl")));
  }

  private static Node node(String turtle) {
    return NodeFactoryExtra.parseNode(turtle);
  }
}
