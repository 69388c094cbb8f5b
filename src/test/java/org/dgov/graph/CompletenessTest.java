package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;

/**
 * The checklist of every named entity and number per page ({@code checklist.tsv}): each name stands
 * on its page as printed, and each is represented in the graph by a described resource.
 */
class CompletenessTest {

  private static final Pattern QUALIFIER = Pattern.compile("（[^）]*）$");

  record Entry(String page, String name, String slug) {}

  static List<Entry> checklist() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/checklist.tsv"))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] f = line.split("\t");
        entries.add(new Entry(f[0], f[1], f[2]));
      }
    }
    return entries;
  }

  @Test
  void everyNameStandsOnItsPage() throws IOException {
    SourceText source = SourceText.read(TestProjects.repository().sourceText());
    List<String> missing = new ArrayList<>();
    for (Entry e : checklist()) {
      for (String part : QUALIFIER.matcher(e.name()).replaceAll("").split("……")) {
        if (!part.isBlank() && !source.onPage(e.page(), part)) {
          missing.add("page " + e.page() + ": " + part);
        }
      }
    }
    assertEquals(List.of(), missing, "checklist names not found on their page");
  }

  @Test
  void everyCheckedEntityIsInTheGraph() throws Exception {
    Graph graph = CuratedGraph.load(TestProjects.repository()).union();
    List<Entry> checklist = checklist();
    assertTrue(checklist.size() > 500, "the checklist covers the whole paper");
    List<String> absent = new ArrayList<>();
    for (Entry e : checklist) {
      Node node = NodeFactory.createURI(DGOV.ID + e.slug());
      if (!graph.contains(node, RDF.type.asNode(), Node.ANY)) {
        absent.add("page " + e.page() + ": " + e.name() + " → dgr:" + e.slug());
      }
    }
    assertEquals(List.of(), absent, "named on a page but not in the graph");
  }
}
