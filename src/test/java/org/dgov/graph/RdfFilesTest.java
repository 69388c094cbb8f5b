package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdfFilesTest {

  private static final String PREFIXES =
      "@prefix dgr: <https://w3id.org/dgov/id/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

  @Test
  void syntaxErrorNamesFileLineAndColumn() {
    String turtle = PREFIXES + "dgr:x rdfs:label \"x\"@en ;\n  rdfs:label dgr:y dgr:z .\n";
    SyntaxError e = assertThrows(SyntaxError.class, () -> parse(turtle));
    assertEquals("entry.ttl", e.file());
    assertEquals(4, e.line());
    assertTrue(e.column() > 0, "column missing: " + e.getMessage());
    assertTrue(e.getMessage().startsWith("entry.ttl:4:"), e.getMessage());
  }

  @Test
  void undefinedPrefixIsASyntaxError() {
    SyntaxError e = assertThrows(SyntaxError.class, () -> parse("dgov:x a dgov:Agreement .\n"));
    assertTrue(e.getMessage().contains("dgov"), e.getMessage());
  }

  @Test
  void illFormedLiteralIsRejected() {
    String turtle =
        PREFIXES
            + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\ndgr:x rdfs:comment \"2022-13-45\"^^xsd:date .\n";
    SyntaxError e = assertThrows(SyntaxError.class, () -> parse(turtle));
    assertEquals(4, e.line(), e.getMessage());
  }

  /** The line reported is that of the subject's first statement, as RDF4J Rio reports it. */
  @Test
  void recordsTheLineWhereEachSubjectStarts() throws SyntaxError {
    String turtle =
        PREFIXES
            + "\ndgr:a rdfs:label \"a\"@en .\n\ndgr:b rdfs:label \"b\"@en ;\n  rdfs:comment \"c\"@en .\n";
    RdfFiles.Parsed parsed = parse(turtle);
    assertEquals(new Location("entry.ttl", 4), parsed.locate("https://w3id.org/dgov/id/a"));
    assertEquals(new Location("entry.ttl", 6), parsed.locate("https://w3id.org/dgov/id/b"));
  }

  @Test
  void readingForServingGivesTheSameTriplesAndFindsLinesWhenAsked(@TempDir Path dir)
      throws Exception {
    String turtle =
        PREFIXES
            + "\ndgr:a rdfs:label \"a\"@en .\n\ndgr:b rdfs:label \"b\"@en ;\n  rdfs:comment \"c\"@en .\n";
    Path file = dir.resolve("entry.ttl");
    Files.writeString(file, turtle);
    RdfFiles.Parsed served = RdfFiles.read(file, "entry.ttl");
    assertTrue(served.graph().isIsomorphicWith(parse(turtle).graph()));
    assertEquals(new Location("entry.ttl", 6), served.locate("https://w3id.org/dgov/id/b"));
  }

  private static RdfFiles.Parsed parse(String turtle) throws SyntaxError {
    return RdfFiles.parse(turtle.getBytes(StandardCharsets.UTF_8), Lang.TURTLE, "entry.ttl");
  }
}
