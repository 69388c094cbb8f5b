package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The curated graph as a whole: it conforms, every quote is on its page, labels are unique. */
@ExtendWith(Shared.class)
class CuratedDataTest {

  private static Project project;
  private static CuratedGraph graph;

  @BeforeAll
  static void load(CuratedGraph curated) {
    project = TestProjects.repository();
    graph = curated;
  }

  @Test
  void conformsToTheShapesAndEveryQuoteStandsOnItsPage() throws IOException {
    Report report = Validation.validate(graph, SourceText.read(project.sourceText()));
    assertTrue(
        report.conforms(),
        () -> report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n")));
  }

  @Test
  void everyQuoteIsCheckedAgainstThePageText() throws IOException {
    SourceText source = SourceText.read(project.sourceText());
    List<Triple> quotes = graph.data().find(Node.ANY, DGOV.quote.asNode(), Node.ANY).toList();
    assertTrue(
        quotes.size() > 50, "expected the curated data to quote the paper, found " + quotes.size());
    for (Triple t : quotes) {
      Node page =
          graph.data().find(t.getSubject(), DGOV.page.asNode(), Node.ANY).next().getObject();
      String quote = t.getObject().getLiteralLexicalForm();
      assertTrue(
          source.onPage(page.getLiteralLexicalForm(), quote),
          "not on page " + page.getLiteralLexicalForm() + ": " + quote);
    }
  }

  @Test
  void labelsAreUniqueAcrossTheGraph() {
    Map<String, List<Node>> byLabel = new HashMap<>();
    graph
        .union()
        .find(Node.ANY, RDFS.label.asNode(), Node.ANY)
        .forEach(
            t ->
                byLabel
                    .computeIfAbsent(t.getObject().toString(), k -> new java.util.ArrayList<>())
                    .add(t.getSubject()));
    Map<String, List<Node>> duplicates =
        byLabel.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(Map.of(), duplicates, "labels used by more than one resource");
  }

  @Test
  void everyWikidataLinkNamesTheSourceThatVerifiedIt() {
    Graph union = graph.union();
    List<String> unverified = new java.util.ArrayList<>();
    for (Triple t :
        union.find(Node.ANY, org.apache.jena.vocabulary.OWL.sameAs.asNode(), Node.ANY).toList()) {
      String iri = t.getObject().getURI();
      if (!iri.startsWith("http://www.wikidata.org/entity/")) {
        continue;
      }
      String qid = iri.substring(iri.lastIndexOf('/') + 1);
      boolean noted =
          union
              .find(
                  t.getSubject(), org.apache.jena.vocabulary.SKOS.editorialNote.asNode(), Node.ANY)
              .toList()
              .stream()
              .map(n -> n.getObject().getLiteralLexicalForm())
              .anyMatch(note -> note.contains(qid) && note.contains("verified against"));
      if (!noted) {
        unverified.add(t.getSubject().getURI() + " " + qid);
      }
    }
    assertEquals(
        List.of(),
        unverified,
        "Wikidata links without a note naming the source that verified them");
  }

  @Test
  void closureFindsStatesAndOrganisationsAsActors() {
    Graph closure = Inference.closure(graph);
    Node actor = DGOV.Actor.asNode();
    Node type = RDF.type.asNode();
    for (String slug : List.of("singapore", "united-nations", "g20", "itu")) {
      Node node = org.apache.jena.graph.NodeFactory.createURI(DGOV.ID + slug);
      assertTrue(closure.contains(node, type, actor), slug + " is not inferred to be an actor");
    }
    assertTrue(closure.size() > graph.union().size(), "the closure adds nothing");
  }
}
