package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.jena.graph.Graph;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept graph stands only for the very bytes it was made from, and is read back whole. */
class ServedGraphCacheTest {

  @Test
  void theKeyFollowsEveryInputTheGraphDependsOn(@TempDir Path dir) throws IOException {
    Project project = TestProjects.copy(dir);
    ServedGraphCache cache = ServedGraphCache.of(project);
    String key = cache.key(project).orElseThrow();
    assertEquals(key, cache.key(project).orElseThrow(), "same files, same key");
    for (Path input :
        new Path[] {
          project.dataFiles().get(0),
          project.shapeFiles().get(0),
          project.ontologyFiles().get(0),
          project.rulesDir().resolve("coverage-through-parts.rq"),
          project.sourceText()
        }) {
      byte[] before = Files.readAllBytes(input);
      Files.writeString(input, "\n", StandardOpenOption.APPEND);
      assertNotEquals(key, cache.key(project).orElseThrow(), "a changed " + input);
      Files.write(input, before);
      assertEquals(key, cache.key(project).orElseThrow(), "restored " + input);
    }
    Files.writeString(dir.resolve("data/new.ttl"), "# a new file\n");
    assertNotEquals(key, cache.key(project).orElseThrow(), "a new data file");
  }

  @Test
  void keepsTheServedGraphWholeAndForgetsADamagedOne(@TempDir Path dir) throws Exception {
    Project project = TestProjects.copy(dir);
    ServedGraphCache cache = ServedGraphCache.of(project);
    String key = cache.key(project).orElseThrow();
    assertTrue(cache.served(key).isEmpty());
    Graph served = Inference.closure(CuratedGraph.load(project));
    cache.remember(key, served);
    Graph back = cache.served(key).orElseThrow();
    assertTrue(back.isIsomorphicWith(served), "the graph read back is the graph kept");
    Path file = dir.resolve("target/served").resolve(key + ".rt");
    Files.write(file, new byte[] {1, 2, 3});
    assertTrue(cache.served(key).isEmpty(), "a damaged entry is not served");
  }
}
