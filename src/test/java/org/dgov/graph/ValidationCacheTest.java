package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remembered verdict stands only for the very bytes it was given. */
class ValidationCacheTest {

  @Test
  void theKeyFollowsEveryInputTheVerdictDependsOn(@TempDir Path dir) throws IOException {
    Project project = TestProjects.copy(dir);
    ValidationCache cache = ValidationCache.of(project);
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
  void remembersConformingKeysInTheProjectsBuildFolder(@TempDir Path dir) throws IOException {
    Project project = TestProjects.copy(dir);
    ValidationCache cache = ValidationCache.of(project);
    String key = cache.key(project).orElseThrow();
    assertFalse(cache.conformed(key));
    cache.remember(key);
    assertTrue(cache.conformed(key));
    assertTrue(Files.isRegularFile(dir.resolve("target/validated").resolve(key)));
  }
}
