package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {

  @Test
  void writesTheGraphWithAndWithoutClosureInThreeSyntaxes(@TempDir Path dir) throws Exception {
    CuratedGraph graph = CuratedGraph.load(TestProjects.repository());
    List<Path> written = Export.write(graph, dir);
    assertEquals(
        List.of(
            "dgov.ttl",
            "dgov.nt",
            "dgov.jsonld",
            "dgov-inferred.ttl",
            "dgov-inferred.nt",
            "dgov-inferred.jsonld"),
        written.stream().map(p -> p.getFileName().toString()).toList());
    Graph asserted = graph.union();
    for (Path file : written) {
      Graph read = RDFDataMgr.loadGraph(file.toString());
      if (file.getFileName().toString().startsWith("dgov-inferred")) {
        assertTrue(read.size() > asserted.size(), file + " lacks the closure");
      } else {
        assertTrue(read.isIsomorphicWith(asserted), file + " differs from the curated graph");
      }
    }
  }
}
