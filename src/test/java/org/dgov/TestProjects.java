package org.dgov;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dgov.graph.Project;

/** The repository under test, and throw-away copies of it for tests that break things. */
public final class TestProjects {

  private TestProjects() {}

  /** The repository itself: Maven runs tests from its root. */
  public static Project repository() {
    return Project.at(Path.of("."));
  }

  /** A copy of the curated files in {@code dir}, for tests that add or break data. */
  public static Project copy(Path dir) throws IOException {
    Path root = repository().root();
    for (String part : List.of("ontology", "shapes", "data", "queries", "source")) {
      copyTree(root.resolve(part), dir.resolve(part));
    }
    Files.copy(root.resolve("fuseki-config.ttl"), dir.resolve("fuseki-config.ttl"));
    return Project.at(dir);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
