package org.dgov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The folder tree is the architecture: each package of {@code src/main/java/org/dgov} says what it
 * holds in a {@code package-info.java}, and the packages depend on each other only downwards, as
 * listed here. A new dependency between packages is a design decision: make it here, on purpose.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/org/dgov");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?org\\.dgov\\.(\\w+)\\.", Pattern.MULTILINE);

  /** The packages each package may use; anything else is a layering violation. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "vocab", Set.of(),
          "graph", Set.of("vocab"),
          "store", Set.of("graph", "vocab"),
          "web", Set.of("graph", "vocab"),
          "server", Set.of("graph", "store", "web", "vocab"),
          "replica", Set.of("graph", "store", "server", "web", "vocab"),
          "cli", Set.of("graph", "store", "server", "replica", "vocab"));

  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void readImports() throws IOException {
    uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(file).getName(0).toString();
        Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            used.add(m.group(1));
          }
        }
      }
    }
  }

  @Test
  void everyPackageIsListedAndSaysWhatItHolds() {
    assertEquals(new TreeSet<>(ALLOWED.keySet()), uses.keySet(), "packages under " + MAIN);
    for (String pkg : uses.keySet()) {
      assertTrue(
          Files.isRegularFile(MAIN.resolve(pkg).resolve("package-info.java")),
          pkg + " has no package-info.java");
    }
  }

  @Test
  void packagesDependOnlyDownwards() {
    List<String> violations =
        uses.entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().stream()
                        .filter(used -> !ALLOWED.get(e.getKey()).contains(used))
                        .map(used -> e.getKey() + " -> " + used))
            .toList();
    assertEquals(List.of(), violations, "imports that break the layering");
  }
}
