package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dgov.TestProjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Turtle file of the repository parses with Jena and RDF4J and is in canonical form. */
class CuratedFilesTest {

  static Stream<Path> turtleFiles() {
    return TestProjects.repository().allTurtleFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("turtleFiles")
  void parsesWithJenaAndRdf4j(Path file) throws SyntaxError {
    RdfFiles.Parsed parsed = RdfFiles.parse(file, file.toString());
    assertFalse(parsed.graph().isEmpty(), file + " holds no triples");
  }

  @ParameterizedTest
  @MethodSource("turtleFiles")
  void isCanonical(Path file) throws IOException, SyntaxError {
    String text = Files.readString(file);
    assertEquals(
        CanonicalTurtle.format(text, file.toString()),
        text,
        file + " is not in canonical form: run java -jar target/dgov-kg.jar format");
  }

  @ParameterizedTest
  @MethodSource("turtleFiles")
  void canonicalFormIsStable(Path file) throws IOException, SyntaxError {
    String once = CanonicalTurtle.format(Files.readString(file), file.toString());
    assertEquals(once, CanonicalTurtle.format(once, file.toString()));
    assertTrue(
        RdfFiles.parse(
                once.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                org.apache.jena.riot.Lang.TURTLE,
                "formatted")
            .graph()
            .isIsomorphicWith(RdfFiles.parse(file, file.toString()).graph()),
        "formatting " + file + " changed its triples");
  }
}
