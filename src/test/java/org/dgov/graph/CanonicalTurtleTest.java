package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CanonicalTurtleTest {

  private static final String PREFIXES =
      "@prefix dgov: <https://w3id.org/dgov/ontology#> .\n@prefix dgr: <https://w3id.org/dgov/id/> .\n";

  @Test
  void outputDoesNotDependOnStatementOrderOrBlankNodeLabels() throws SyntaxError {
    String one =
        PREFIXES
            + "dgr:b dgov:page 2 .\ndgr:a dgov:evidence _:x , _:y .\n_:x dgov:page 5 .\n_:y dgov:page 3 .\n";
    String two =
        PREFIXES + "dgr:a dgov:evidence [ dgov:page 3 ] , [ dgov:page 5 ] .\ndgr:b dgov:page 2 .\n";
    assertEquals(CanonicalTurtle.format(one, "one"), CanonicalTurtle.format(two, "two"));
  }

  @Test
  void writesSubjectsInOrderAndBlankNodesInline() throws SyntaxError {
    String text =
        CanonicalTurtle.format(
            PREFIXES + "dgr:b dgov:page 2 .\ndgr:a dgov:evidence [ dgov:page 3 ] .\n", "file");
    assertTrue(text.indexOf("dgr:a") < text.indexOf("dgr:b"), text);
    assertTrue(text.contains("dgov:evidence [\n"), text);
  }
}
