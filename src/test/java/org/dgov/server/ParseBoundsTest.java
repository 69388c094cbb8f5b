package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.query.QueryFactory;
import org.dgov.TestProjects;
import org.dgov.graph.NamedQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The size and depth bounds a query meets before it is parsed or compiled, as the repository's
 * {@code fuseki-config.ttl} sets them: deep syntax trees and long texts are refused with a plain
 * reason, iteratively (no stack is used up by the check itself), and every shipped query passes.
 */
class ParseBoundsTest {

  private static final QueryBounds BOUNDS =
      ServerSettings.read(TestProjects.repository()).queryBounds();

  /** {@code SELECT * WHERE { {} UNION {} ... } } with {@code terms} groups. */
  static String union(int terms) {
    return "SELECT * WHERE { {}" + "UNION{}".repeat(terms - 1) + " }";
  }

  /** A FILTER of {@code terms} variables joined by {@code &&}. */
  static String conjunction(int terms) {
    return "SELECT * WHERE { BIND(true AS ?o) FILTER(?o" + "&&?o".repeat(terms - 1) + ") }";
  }

  private static ActionErrorException refusedTree(String sparql) {
    return assertThrows(
        ActionErrorException.class, () -> BOUNDS.checkTree(QueryFactory.create(sparql)));
  }

  @Test
  void aLongUnionIsRefusedBeforeItIsWalked() {
    ActionErrorException refused = refusedTree(union(30_000));
    assertEquals(400, refused.getRC());
    assertTrue(refused.getMessage().contains("nested too deeply"), refused.getMessage());
    assertTrue(!refused.getMessage().contains("Exception"), refused.getMessage());
  }

  @Test
  void aLongChainOfAndIsRefusedBeforeItIsWalked() {
    ActionErrorException refused = refusedTree(conjunction(60_000));
    assertEquals(400, refused.getRC());
    assertTrue(refused.getMessage().contains("nested too deeply"), refused.getMessage());
  }

  @Test
  void deeplyNestedGroupsAndPathsAreRefused() {
    assertEquals(400, refusedTree("SELECT * WHERE " + "{".repeat(400) + "}".repeat(400)).getRC());
    assertEquals(
        400,
        refusedTree("SELECT * WHERE { ?s " + "<urn:p>/".repeat(2000) + "<urn:p> ?o }").getRC());
  }

  @Test
  void aModestUnionAndChainPass() {
    assertDoesNotThrow(() -> BOUNDS.checkTree(QueryFactory.create(union(100))));
    assertDoesNotThrow(() -> BOUNDS.checkTree(QueryFactory.create(conjunction(500))));
  }

  @Test
  void tooManyValuesAreRefused() {
    String values =
        "SELECT * WHERE { VALUES ?x { " + "1 ".repeat(BOUNDS.maxValuesCells() + 1) + "} }";
    ActionErrorException refused = refusedTree(values);
    assertEquals(400, refused.getRC());
    assertTrue(refused.getMessage().contains("VALUES"), refused.getMessage());
    String inSubQuery =
        "SELECT * WHERE { { SELECT * WHERE { VALUES (?x ?y) { "
            + "(1 2) ".repeat(BOUNDS.maxValuesCells() / 2 + 1)
            + "} } } }";
    assertEquals(400, refusedTree(inSubQuery).getRC());
  }

  @Test
  void aTextOverTheLimitIsRefusedBeforeItIsParsed() {
    String longText = "ASK {}" + " ".repeat(BOUNDS.maxChars());
    ActionErrorException refused =
        assertThrows(ActionErrorException.class, () -> BOUNDS.checkText(longText));
    assertEquals(413, refused.getRC());
    assertTrue(refused.getMessage().contains("characters long"), refused.getMessage());
  }

  @Test
  void bracketsTooDeepForTheParserAreRefusedBeforeItRuns() {
    int deep = BOUNDS.maxBrackets() + 1;
    String parens = "ASK { FILTER(" + "(".repeat(deep) + "1" + ")".repeat(deep) + ") }";
    ActionErrorException refused =
        assertThrows(ActionErrorException.class, () -> BOUNDS.checkText(parens));
    assertEquals(400, refused.getRC());
    assertTrue(refused.getMessage().contains("brackets nest"), refused.getMessage());
  }

  @Test
  void bracketsInStringsIrisAndCommentsDoNotCount() {
    String noise = "(((((((((((";
    String sparql =
        "# "
            + noise
            + "\nASK { <urn:x:"
            + noise
            + "> ?p \""
            + noise
            + "\\\"\" . ?s ?p '''"
            + noise
            + "''' FILTER(?a<?b) }";
    assertEquals(2, QueryBounds.bracketDepth(sparql));
  }

  static Stream<NamedQuery> shippedQueries() {
    return Stream.concat(
        NamedQuery.all(Path.of("queries")).stream(),
        NamedQuery.all(Path.of("queries/federated")).stream());
  }

  @ParameterizedTest
  @MethodSource("shippedQueries")
  void everyShippedQueryIsWithinTheBounds(NamedQuery query) {
    assertDoesNotThrow(() -> BOUNDS.checkText(query.text()), query.name());
    assertDoesNotThrow(() -> BOUNDS.checkTree(QueryFactory.create(query.text())), query.name());
  }
}
