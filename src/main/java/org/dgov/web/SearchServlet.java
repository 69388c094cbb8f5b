package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * {@code /search?q=}: resources whose label or acronym, in English or Chinese, contains the text. A
 * text longer than {@value #MAX_QUERY} characters is answered 400 before any search, so that the
 * work per request stays bounded.
 */
public final class SearchServlet extends GraphServlet {

  private static final int LIMIT = 100;

  /** The longest text searched for. */
  static final int MAX_QUERY = 200;

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
    if (q.length() > MAX_QUERY) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          "q is "
              + q.length()
              + " characters long: search for at most "
              + MAX_QUERY
              + " (a word or phrase of a label)");
      return;
    }
    Set<Node> hits = new HashSet<>();
    if (!q.isEmpty()) {
      String needle = q.toLowerCase(Locale.ROOT);
      for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
        graph
            .find(Node.ANY, p, Node.ANY)
            .forEach(
                t -> {
                  if (t.getSubject().isURI()
                      && UrlLayout.slug(t.getSubject().getURI()).isPresent()
                      && t.getObject().isLiteral()
                      && t.getObject()
                          .getLiteralLexicalForm()
                          .toLowerCase(Locale.ROOT)
                          .contains(needle)) {
                    hits.add(t.getSubject());
                  }
                });
      }
    }
    List<View.Link> shown =
        hits.stream()
            .sorted(Comparator.comparing(n -> Labels.label(graph, n, "en").orElse(n.getURI())))
            .limit(LIMIT)
            .map(n -> Labels.link(graph, n))
            .toList();
    Html.send(response, 200, "search.jte", new Page(q, hits.size(), shown));
  }

  /** The text searched for, how many resources match and the first of them. */
  record Page(String query, int total, List<View.Link> hits) {}
}
