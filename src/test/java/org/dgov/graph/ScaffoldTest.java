package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of skeleton parses, fails as it stands, and validates once filled in as its comments
 * ask.
 */
@ExtendWith(Shared.class)
class ScaffoldTest {

  private static CuratedGraph graph;
  private static SourceText source;

  @BeforeAll
  static void load(CuratedGraph curated) throws Exception {
    graph = curated;
    source = SourceText.read(TestProjects.repository().sourceText());
  }

  @ParameterizedTest
  @EnumSource(Scaffold.Kind.class)
  void skeletonValidatesOnceFilledIn(Scaffold.Kind kind) throws SyntaxError {
    String slug = "scaffold-test-" + kind.name();
    String skeleton = Scaffold.skeleton(graph, kind, slug);
    assertTrue(skeleton.contains("dgr:" + slug + " a "), skeleton);

    Report unfilled = validate(skeleton);
    assertFalse(unfilled.conforms(), "an unfilled skeleton must not pass");

    String filled =
        skeleton
            .replace("rdfs:label \"TODO\"@en", "rdfs:label \"Scaffold test " + kind + "\"@en")
            .replace(
                "skos:prefLabel \"TODO\"@en", "skos:prefLabel \"Scaffold test " + kind + "\"@en")
            .replace("\"TODO\"@zh ;", "\"脚手架测试 " + kind + "\"@zh ;")
            .replace("dgov:page 0 ;", "dgov:page 5 ;")
            .replace("dgov:quote \"TODO\"@zh", "dgov:quote \"目前存在两种推动全球数字治理的模式\"@zh")
            .replace("dgr:todo-topic", "dgr:connectivity")
            .replace("dgov:partyListComplete \"TODO\"", "dgov:partyListComplete false")
            .replace(
                "skos:definition \"TODO\"@en",
                "skos:definition \"Scaffold test " + kind + ", a concept of the test\"@en");
    Report report = validate(filled);
    assertTrue(
        report.conforms(),
        () ->
            filled
                + "\n"
                + report.findings().stream()
                    .map(Finding::toString)
                    .collect(Collectors.joining("\n")));
  }

  private static Report validate(String turtle) throws SyntaxError {
    RdfFiles.Parsed entry =
        RdfFiles.parse(turtle.getBytes(StandardCharsets.UTF_8), Lang.TURTLE, "new.ttl");
    return Validation.validateEntries(graph, List.of(entry), source);
  }

  /** The classes to choose from are the ontology's, not a list kept beside it. */
  @Test
  void offersEveryClassTheOntologyHasBelowInstrumentAndActor() {
    for (var kind : List.of(Scaffold.Kind.instrument, Scaffold.Kind.actor)) {
      Node root = kind == Scaffold.Kind.instrument ? DGOV.Instrument.asNode() : DGOV.Actor.asNode();
      String skeleton = Scaffold.skeleton(graph, kind, "test-entry");
      List<String> missing =
          graph.ontology().find(Node.ANY, RDFS.subClassOf.asNode(), root).toList().stream()
              .map(t -> "dgov:" + t.getSubject().getLocalName())
              .filter(c -> !skeleton.contains(c))
              .toList();
      assertEquals(List.of(), missing, kind + ": classes the skeleton does not offer");
    }
  }

  /** The shapes bound an evidence's page by the paper's last printed page, and new says so. */
  @Test
  void thePagesOfferedAreThePapersPages() throws Exception {
    Matcher marker =
        Pattern.compile("^=== page ([0-9]+) ===$", Pattern.MULTILINE)
            .matcher(Files.readString(TestProjects.repository().sourceText()));
    int last = 0;
    while (marker.find()) {
      last = Math.max(last, Integer.parseInt(marker.group(1)));
    }
    assertEquals("1 to " + last, Scaffold.pages(graph.shapes()));
    assertTrue(
        Scaffold.skeleton(graph, Scaffold.Kind.agreement, "test-entry")
            .contains("a page (1 to " + last + ", or \"preface\")"));
  }
}
