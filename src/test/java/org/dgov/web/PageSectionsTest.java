package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dgov.graph.NamedQuery;
import org.junit.jupiter.api.Test;

/** Each page section fed by a query is fed by exactly one, named in that query's header. */
class PageSectionsTest {

  private final List<NamedQuery> queries = NamedQuery.all(Path.of("queries"));

  @Test
  void everySectionIsFedByExactlyOneQuery() {
    for (String section : HomeServlet.SECTIONS) {
      long feeding =
          queries.stream().filter(q -> q.section().filter(section::equals).isPresent()).count();
      assertEquals(1, feeding, "queries with '# section: " + section + "'");
    }
  }

  @Test
  void everySectionAQueryNamesIsOnAPage() {
    for (NamedQuery query : queries) {
      query
          .section()
          .ifPresent(
              s ->
                  assertTrue(
                      HomeServlet.SECTIONS.contains(s),
                      query.name() + " names section '" + s + "', which no page shows"));
    }
  }
}
