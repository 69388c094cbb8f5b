package org.dgov.cli;

import static org.dgov.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input no parser can follow is exit 2, the code for unreadable input, with one line naming file,
 * line and column: nesting deeper than the parsers' stack, bytes that are not UTF-8. A UTF-8
 * byte-order mark is accepted.
 */
class UnreadableInputTest {

  private static final String PREFIXES =
      "@prefix dgr: <https://w3id.org/dgov/id/> .\n"
          + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

  private static void assertOneLineNaming(Run run, String place) {
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains(place), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(run.err().contains("Error"), "no exception or trace: " + run.err());
  }

  @Test
  void blankNodesNested100000DeepAreExitTwo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deep.ttl");
    Files.writeString(
        file,
        PREFIXES
            + "dgr:x rdfs:seeAlso "
            + "[ rdfs:seeAlso ".repeat(100_000)
            + "dgr:y"
            + " ]".repeat(100_000)
            + " .\n");
    Run run = run("validate", file.toString());
    assertOneLineNaming(run, file + ":3:");
    assertTrue(run.err().contains("more than 256 levels"), run.err());
  }

  @Test
  void collectionsNested100000DeepAreExitTwo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deep.ttl");
    Files.writeString(
        file,
        PREFIXES
            + "dgr:x rdfs:seeAlso\n  "
            + "( ".repeat(100_000)
            + "dgr:y"
            + " )".repeat(100_000)
            + " .\n");
    Run run = run("validate", file.toString());
    assertOneLineNaming(run, file + ":4:515:");
  }

  @Test
  void jsonLdNested100000DeepIsExitTwo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deep.jsonld");
    Files.writeString(
        file,
        "{\"@id\": \"https://w3id.org/dgov/id/x\",\n \"a:p\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}");
    assertOneLineNaming(run("validate", file.toString()), file + ":2:");
  }

  @Test
  void invalidUtf8IsExitTwoNamingLineAndByte(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.ttl");
    byte[] prefixes = PREFIXES.getBytes(StandardCharsets.UTF_8);
    byte[] entry = "dgr:x rdfs:label \"caf\u00e9\"@en .\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[prefixes.length + entry.length];
    System.arraycopy(prefixes, 0, bytes, 0, prefixes.length);
    System.arraycopy(entry, 0, bytes, prefixes.length, entry.length);
    Files.write(file, bytes);
    Run run = run("validate", file.toString());
    int at = prefixes.length + "dgr:x rdfs:label \"caf".length() + 1;
    assertOneLineNaming(run, file + ":3:22: invalid UTF-8 at byte " + at);
  }

  @Test
  void aByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.ttl");
    byte[] entry = Files.readAllBytes(Path.of("src/test/resources/shapes/agreement-valid.ttl"));
    byte[] bytes = new byte[entry.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(entry, 0, bytes, 3, entry.length);
    Files.write(file, bytes);
    Run run = run("validate", file.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void formatNamesAnUnreadableFileAndExitsTwo(@TempDir Path dir) throws IOException {
    TestProjects.copy(dir);
    Files.write(
        dir.resolve("data/latin1.ttl"),
        (PREFIXES + "dgr:x rdfs:label \"caf\u00e9\"@en .\n").getBytes(StandardCharsets.ISO_8859_1));
    Run run = run("format", "--check", "--root", dir.toString());
    assertOneLineNaming(run, "data/latin1.ttl:3:22: invalid UTF-8");
  }
}
