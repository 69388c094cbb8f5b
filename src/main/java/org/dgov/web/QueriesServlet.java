package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.dgov.graph.NamedQuery;

/**
 * {@code /queries}: the named queries with their descriptions (HTML, or JSON for the editor);
 * {@code /queries/{name}}: its results as an HTML table, or as SPARQL results by {@code Accept}.
 */
public final class QueriesServlet extends GraphServlet {

  private static final AcceptList OFFERED =
      AcceptList.create(
          "text/html",
          "application/sparql-results+json",
          "application/sparql-results+xml",
          "text/csv",
          "text/tab-separated-values",
          "application/json");

  private final Map<String, NamedQuery> queries;
  private final LongSupplier version;
  private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

  /**
   * @param version the version of the data the request's read transaction sees: results are
   *     rendered once per named query, format and version, so the vetted lane answers from memory
   *     until a write changes the data, and a result is never kept under a newer version than the
   *     data it was rendered from
   */
  public QueriesServlet(Map<String, NamedQuery> queries, LongSupplier version) {
    this.queries = queries;
    this.version = version;
  }

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    response.setHeader("Vary", "Accept");
    String type =
        ConNeg.chooseContentType(request, OFFERED, OFFERED.entries().get(0)).getContentTypeStr();
    String path = request.getRequestURI();
    if (path.equals("/queries") || path.equals("/queries/")) {
      if (type.equals("application/json")) {
        JsonArray list = new JsonArray();
        queries
            .values()
            .forEach(
                q -> {
                  JsonObject item = new JsonObject();
                  item.put("name", q.name());
                  item.put("title", q.title());
                  item.put("description", q.description());
                  item.put("query", q.text());
                  list.add(item);
                });
        response.setContentType("application/json; charset=utf-8");
        response.getWriter().write(list.toString());
        return;
      }
      Html.send(response, 200, "queries.jte", List.copyOf(queries.values()));
      return;
    }
    NamedQuery query = queries.get(path.substring("/queries/".length()));
    if (query == null) {
      Html.send(response, 404, "queryNotFound.jte", null);
      return;
    }
    long seen = version.getAsLong();
    Rendered rendered =
        cache.compute(
            query.name() + " " + type,
            (key, cached) ->
                cached != null && cached.version() == seen
                    ? cached
                    : render(graph, query, type, seen));
    response.setStatus(200);
    response.setContentType(rendered.type());
    response.setContentLength(rendered.bytes().length);
    response.getOutputStream().write(rendered.bytes());
  }

  /** A named query's results in one format, as of one version of the data. */
  private record Rendered(long version, String type, byte[] bytes) {}

  private Rendered render(Graph graph, NamedQuery query, String type, long at) {
    try (QueryExecution qe =
        QueryExecution.model(ModelFactory.createModelForGraph(graph)).query(query.text()).build()) {
      ResultSetRewindable results = qe.execSelect().rewindable();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String contentType =
          switch (type) {
            case "application/sparql-results+json", "application/json" ->
                format(out, results, ResultSetLang.RS_JSON, "application/sparql-results+json");
            case "application/sparql-results+xml" ->
                format(out, results, ResultSetLang.RS_XML, type);
            case "text/csv" -> format(out, results, ResultSetLang.RS_CSV, type);
            case "text/tab-separated-values" -> format(out, results, ResultSetLang.RS_TSV, type);
            default -> {
              out.writeBytes(
                  Html.render("query.jte", page(graph, query, results))
                      .getBytes(StandardCharsets.UTF_8));
              yield "text/html";
            }
          };
      return new Rendered(at, contentType + "; charset=utf-8", out.toByteArray());
    }
  }

  private static String format(
      ByteArrayOutputStream out, ResultSet results, org.apache.jena.riot.Lang lang, String type) {
    ResultSetFormatter.output(out, results, lang);
    return type;
  }

  /** A named query with its results, ready for the page. */
  record Page(NamedQuery query, String editorHref, View.Results results) {}

  private static Page page(Graph graph, NamedQuery query, ResultSetRewindable results) {
    List<List<View.Value>> rows = new ArrayList<>();
    results.forEachRemaining(
        row -> {
          List<View.Value> cells = new ArrayList<>();
          for (String v : results.getResultVars()) {
            RDFNode node = row.get(v);
            cells.add(node == null ? null : Labels.value(graph, node.asNode()));
          }
          rows.add(cells);
        });
    return new Page(
        query,
        "/editor?query=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8),
        new View.Results(results.getResultVars(), rows));
  }
}
