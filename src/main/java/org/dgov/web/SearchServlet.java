package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * {@code /search?q=}: resources ranked by the full-text index ({@code text:query}) over their
 * labels, acronyms, definitions, scope notes and evidence quotes, in English or Chinese, each with
 * the text that matched (and the page of a matching quote); a resource with a label or acronym
 * equal to the query comes first. A dataset without a text index (one set up by hand, not by {@code
 * fuseki-config.ttl}) is searched by label and acronym substring. A text longer than {@value
 * #MAX_QUERY_LENGTH} characters is answered 400 before any search.
 */
public final class SearchServlet extends GraphServlet {

  private static final int LIMIT = 100;

  /** Longer queries are refused: the index would turn each word into a clause. */
  static final int MAX_QUERY_LENGTH = 200;

  /**
   * Index hits as resources: a quote's hit is its evidence, whose resource is the subject of {@code
   * dgov:evidence}. {@code ?q} is substituted, escaped, before the query runs.
   */
  private static final String SEARCH =
      """
      PREFIX text: <http://jena.apache.org/text#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX dgov: <https://w3id.org/dgov/ontology#>
      SELECT ?s ?score ?literal ?page WHERE {
        (?hit ?score ?literal)
            text:query (rdfs:label skos:altLabel skos:definition skos:scopeNote dgov:quote ?q 1000) .
        OPTIONAL { ?of dgov:evidence ?hit OPTIONAL { ?hit dgov:page ?page } }
        BIND (COALESCE(?of, ?hit) AS ?s)
      }
      """;

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
    if (q.length() > MAX_QUERY_LENGTH) {
      response.sendError(
          400,
          "q is "
              + q.length()
              + " characters long: search for at most "
              + MAX_QUERY_LENGTH
              + " (a word or phrase)");
      return;
    }
    List<Hit> hits = new ArrayList<>();
    if (!q.isEmpty()) {
      DatasetGraph dataset = dataset(getServletContext());
      hits = indexed(dataset) ? ranked(dataset, graph, q) : byLabel(graph, q);
    }
    List<Hit> shown = hits.stream().limit(LIMIT).toList();
    Html.send(response, 200, "search.jte", new Page(q, hits.size(), shown));
  }

  private static boolean indexed(DatasetGraph dataset) {
    return dataset instanceof DatasetGraphText
        || dataset.getContext().get(TextQuery.textIndex) != null;
  }

  /** The best hit of each resource, best first; an exact label or acronym before any other. */
  private static List<Hit> ranked(DatasetGraph dataset, Graph graph, String q) {
    Map<Node, Hit> best = new LinkedHashMap<>();
    Map<Node, Float> scores = new LinkedHashMap<>();
    try (QueryExec exec =
        QueryExec.dataset(dataset)
            .query(SEARCH)
            .substitution("q", NodeFactory.createLiteralString(QueryParserBase.escape(q)))
            .build()) {
      RowSet rows = exec.select();
      rows.forEachRemaining(
          row -> {
            Node s = row.get("s");
            if (!s.isURI() || UrlLayout.slug(s.getURI()).isEmpty()) {
              return;
            }
            float score = ((Number) row.get("score").getLiteralValue()).floatValue();
            if (scores.getOrDefault(s, Float.NEGATIVE_INFINITY) < score) {
              scores.put(s, score);
              Node page = row.get("page");
              best.put(
                  s,
                  new Hit(
                      Labels.link(graph, s),
                      Labels.text(row.get("literal")),
                      page == null ? null : page.getLiteralLexicalForm()));
            }
          });
    }
    String needle = q.toLowerCase(Locale.ROOT);
    Comparator<Node> exactFirst = Comparator.comparing((Node s) -> !namedExactly(graph, s, needle));
    return best.keySet().stream()
        .sorted(exactFirst.thenComparing(s -> -scores.get(s)))
        .map(best::get)
        .toList();
  }

  private static boolean namedExactly(Graph graph, Node s, String needle) {
    return names(graph, s).stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(needle));
  }

  private static List<String> names(Graph graph, Node s) {
    List<String> names = new ArrayList<>();
    for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
      graph
          .find(s, p, Node.ANY)
          .forEach(
              t -> {
                if (t.getObject().isLiteral()) {
                  names.add(t.getObject().getLiteralLexicalForm());
                }
              });
    }
    return names;
  }

  /** Resources whose label or acronym contains {@code q}, by English label. */
  private static List<Hit> byLabel(Graph graph, String q) {
    String needle = q.toLowerCase(Locale.ROOT);
    Map<Node, Node> matched = new LinkedHashMap<>();
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
                  matched.putIfAbsent(t.getSubject(), t.getObject());
                }
              });
    }
    return matched.entrySet().stream()
        .sorted(
            Comparator.comparing(
                (Map.Entry<Node, Node> e) ->
                    Labels.label(graph, e.getKey(), "en").orElse(e.getKey().getURI())))
        .map(e -> new Hit(Labels.link(graph, e.getKey()), Labels.text(e.getValue()), null))
        .toList();
  }

  /** A resource found, the text of it that matched, and the page of that text when a quote. */
  record Hit(View.Link link, View.Text matched, String page) {}

  /** The text searched for, how many resources match and the first of them. */
  record Page(String query, int total, List<Hit> hits) {}
}
