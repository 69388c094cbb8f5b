package org.dgov.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The curated repository on disk: ontology, shapes, data, named queries and server configuration.
 */
public record Project(Path root) {

  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules");

  /** Third-party test suites, kept byte for byte as published. */
  private static final Path THIRD_PARTY = Path.of("src", "test", "resources", "w3c");

  /**
   * The project rooted at {@code dir}, which must hold {@code ontology/}, {@code shapes/} and
   * {@code data/}.
   */
  public static Project at(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    for (String sub : List.of("ontology", "shapes", "data")) {
      if (!Files.isDirectory(root.resolve(sub))) {
        throw new IllegalArgumentException(
            "no "
                + sub
                + "/ folder under "
                + root
                + ": run from the repository root or pass --root DIR");
      }
    }
    return new Project(root);
  }

  public Path fusekiConfig() {
    return root.resolve("fuseki-config.ttl");
  }

  public Path queriesDir() {
    return root.resolve("queries");
  }

  /** The derivation rules, one SPARQL CONSTRUCT per file. */
  public Path rulesDir() {
    return root.resolve("rules");
  }

  public Path sourceText() {
    return root.resolve("source").resolve("whitepaper-2022.pages.txt");
  }

  public List<Path> ontologyFiles() {
    return turtleIn(root.resolve("ontology"));
  }

  public List<Path> shapeFiles() {
    return turtleIn(root.resolve("shapes"));
  }

  public List<Path> dataFiles() {
    return turtleIn(root.resolve("data"));
  }

  /**
   * Every Turtle file of the repository; build output, VCS folders and third-party suites excluded.
   */
  public List<Path> allTurtleFiles() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".ttl"))
          .filter(
              p ->
                  root.relativize(p).getNameCount() == 1
                      || !SKIPPED_DIRS.contains(root.relativize(p).getName(0).toString()))
          .filter(p -> !root.relativize(p).startsWith(THIRD_PARTY))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of {@code file} relative to the root, as shown in messages. */
  public String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
  }

  private static List<Path> turtleIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
