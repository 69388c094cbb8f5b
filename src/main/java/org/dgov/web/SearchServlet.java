package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * {@code /search?q=}: resources whose label or acronym, in English or Chinese, contains the text.
 */
public final class SearchServlet extends GraphServlet {

  private static final int LIMIT = 100;

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
    StringBuilder body =
        new StringBuilder(
                "<h1>Search</h1>\n<form action=\"/search\" method=\"get\" role=\"search\"><label for=\"q\">Labels and acronyms</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"")
            .append(Html.esc(q))
            .append("\" required> <button type=\"submit\">Search</button></form>\n");
    if (!q.isEmpty()) {
      String needle = q.toLowerCase(Locale.ROOT);
      Set<Node> hits = new java.util.HashSet<>();
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
      List<Node> sorted =
          hits.stream()
              .sorted(Comparator.comparing(n -> Labels.label(graph, n, "en").orElse(n.getURI())))
              .limit(LIMIT)
              .toList();
      body.append("<p>")
          .append(hits.size())
          .append(" result(s) for <q>")
          .append(Html.esc(q))
          .append("</q>")
          .append(hits.size() > LIMIT ? ", the first " + LIMIT + " shown" : "")
          .append(".</p>\n<ul>\n");
      sorted.forEach(n -> body.append("<li>").append(Labels.link(graph, n)).append("</li>\n"));
      body.append("</ul>\n");
    }
    Html.send(response, 200, Html.page("Search", body.toString()));
  }
}
