package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every named query has a readable header and returns its stored expected result ({@code
 * src/test/resources/expected/NAME.tsv}), in order where the query orders. To accept a deliberate
 * change: {@code java -jar target/dgov-kg.jar query NAME --format tsv >
 * src/test/resources/expected/NAME.tsv}.
 */
@ExtendWith(Shared.class)
class NamedQueriesTest {

  private static final Path EXPECTED = Path.of("src/test/resources/expected");
  private static Graph graph;

  @BeforeAll
  static void load(CuratedGraph curated) {
    graph = Inference.closure(curated);
  }

  static List<NamedQuery> queries() {
    return NamedQuery.all(TestProjects.repository().queriesDir());
  }

  @ParameterizedTest
  @MethodSource("queries")
  void hasTitleAndDescription(NamedQuery query) {
    assertFalse(query.title().equals(query.name()), query.name() + " has no '# title:' line");
    assertFalse(query.description().isEmpty(), query.name() + " has no '# description:' line");
    assertTrue(
        query.name().matches("[a-z]+(-[a-z0-9]+)+"), query.name() + " is not named verb-object");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void returnsItsStoredResult(NamedQuery query) throws IOException {
    Path expectedFile = EXPECTED.resolve(query.name() + ".tsv");
    assertTrue(Files.exists(expectedFile), "no stored result " + expectedFile);
    ByteArrayOutputStream actualTsv = new ByteArrayOutputStream();
    QueryRunner.run(graph, query.text(), Optional.empty(), QueryRunner.Format.tsv, actualTsv);
    ResultSetRewindable actual = read(new java.io.ByteArrayInputStream(actualTsv.toByteArray()));
    ResultSetRewindable expected;
    try (InputStream in = Files.newInputStream(expectedFile)) {
      expected = read(in);
    }
    assertTrue(
        expected.size() > 0,
        expectedFile + " is empty: a query that answers nothing tests nothing");
    Query parsed = QueryFactory.create(query.text());
    boolean same =
        parsed.hasOrderBy()
            ? ResultSetCompare.equalsByTermAndOrder(expected, actual)
            : ResultSetCompare.equalsByTerm(expected, actual);
    assertTrue(same, query.name() + " no longer returns " + expectedFile + ":\n" + actualTsv);
  }

  private static ResultSetRewindable read(InputStream in) {
    ResultSet results = ResultSetMgr.read(in, ResultSetLang.RS_TSV);
    return results.rewindable();
  }
}
