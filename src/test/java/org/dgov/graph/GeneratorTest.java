package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is deterministic and its injected violations are exactly what validation finds. */
class GeneratorTest {

  @Test
  void injectedViolationsAreFoundOneEach(@TempDir Path dir) throws Exception {
    int injected = Generator.write(TestProjects.repository(), 5, 7, dir.resolve("a"));
    assertEquals(4, injected);
    Project generated = Project.at(dir.resolve("a"));
    Report report =
        Validation.validate(CuratedGraph.load(generated), SourceText.read(generated.sourceText()));
    assertEquals(injected, report.findings().size(), report.findings().toString());
    Generator.write(TestProjects.repository(), 5, 7, dir.resolve("b"));
    assertTrue(
        RdfFiles.parse(dir.resolve("a/data/generated.ttl"), "a")
            .graph()
            .isIsomorphicWith(RdfFiles.parse(dir.resolve("b/data/generated.ttl"), "b").graph()),
        "the same seed gives the same graph (up to blank node labels)");
  }
}
