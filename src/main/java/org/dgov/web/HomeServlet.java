package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.graph.NamedQuery;
import org.dgov.vocab.DGOV;

/**
 * The home page: what the graph holds, the mechanism × topic coverage matrix as an SVG heat map,
 * the layer and topic tree, the named queries and a search box.
 */
public final class HomeServlet extends GraphServlet {

  private final Map<String, NamedQuery> queries;

  public HomeServlet(Map<String, NamedQuery> queries) {
    this.queries = queries;
  }

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    if (!request.getRequestURI().equals("/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    StringBuilder body = new StringBuilder();
    body.append(
        "<h1><span lang=\"en\">Global digital governance knowledge graph</span> <span lang=\"zh\">全球数字治理知识图谱</span></h1>\n");
    body.append(
        "<p>Actors, governance mechanisms, instruments, principles and topics of global digital governance, curated from the CAICT <cite>Global Digital Governance White Paper (2022)</cite>, every statement with its evidence. Query it at <a href=\"/editor\">the SPARQL editor</a> or <code>/dgov/sparql</code>.</p>\n");
    body.append(
        "<form action=\"/search\" method=\"get\" role=\"search\"><label for=\"q\">Search labels and acronyms (English or 中文)</label> <input id=\"q\" name=\"q\" type=\"search\" required> <button type=\"submit\">Search</button></form>\n");
    body.append(counts(graph));
    body.append(coverage(graph));
    body.append(topicTree(graph));
    body.append("<h2>Named queries</h2>\n<ul>\n");
    queries
        .values()
        .forEach(
            q ->
                body.append("<li><a href=\"/queries/")
                    .append(Html.esc(q.name()))
                    .append("\">")
                    .append(Html.esc(q.title()))
                    .append("</a></li>\n"));
    body.append("</ul>\n");
    Html.send(response, 200, Html.page("Home", body.toString()));
  }

  private String counts(Graph graph) {
    NamedQuery query = queries.get("count-resources-by-class");
    if (query == null) {
      return "";
    }
    StringBuilder out =
        new StringBuilder(
            "<h2>What the graph holds</h2>\n<div class=\"scroll\"><table><thead><tr><th>class</th><th>resources</th></tr></thead><tbody>\n");
    for (QuerySolution row : Sparql.select(graph, query.text())) {
      out.append("<tr><td>")
          .append(Labels.link(graph, row.get("class").asNode()))
          .append("</td><td>")
          .append(row.getLiteral("resources").getInt())
          .append("</td></tr>\n");
    }
    return out.append("</tbody></table></div>\n").toString();
  }

  /**
   * The coverage matrix as a heat map; each cell links to the mechanism's page and its evidence.
   * Cells with a stated link are blue, cells whose links are all derived by the rules orange; the
   * margins are sized from the labels so that none is cut off.
   */
  private String coverage(Graph graph) {
    NamedQuery query = queries.get("show-coverage-matrix");
    if (query == null) {
      return "";
    }
    List<QuerySolution> rows = Sparql.select(graph, query.text());
    Map<Node, String> mechanisms = new TreeMap<>(Comparator.comparing(Node::getURI));
    Map<Node, String> topics = new TreeMap<>(Comparator.comparing(Node::getURI));
    Map<String, int[]> cells = new LinkedHashMap<>();
    int max = 1;
    for (QuerySolution row : rows) {
      Node m = row.get("mechanism").asNode();
      Node t = row.get("topic").asNode();
      mechanisms.put(m, row.getLiteral("mechanismLabel").getString());
      topics.put(t, row.getLiteral("topicLabel").getString());
      int links = row.getLiteral("links").getInt();
      cells.put(
          m.getURI() + " " + t.getURI(), new int[] {links, row.getLiteral("statedLinks").getInt()});
      max = Math.max(max, links);
    }
    List<Node> mechanismOrder = sortByLabel(mechanisms);
    List<Node> topicOrder = sortByLabel(topics);
    int cell = 22;
    int left = 10 + textWidth(mechanisms.values());
    int top = 10 + (int) Math.ceil(SIN_60 * textWidth(topics.values()));
    int width = left + cell * topicOrder.size() + 10;
    for (int j = 0; j < topicOrder.size(); j++) {
      int reach =
          left
              + j * cell
              + cell / 2
              + (int) Math.ceil(0.5 * textWidth(List.of(topics.get(topicOrder.get(j)))));
      width = Math.max(width, reach + 10);
    }
    int height = top + cell * mechanismOrder.size() + 10;
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<h2>Which mechanisms cover which topics</h2>\n<p>Darker cells: more coverage links to the topic or its narrower topics. <span class=\"stated\">Blue</span>: the paper or an official source states at least one of them; <span class=\"derived\">orange</span>: all are derived by the <a href=\"/queries/explain-coverage\">rules</a>, through instruments the mechanism adopted, events it convened or its parts. Each cell links to the mechanism and the evidence behind it.</p>\n");
    svg.append(
            "<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"coverage matrix\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">\n");
    for (int j = 0; j < topicOrder.size(); j++) {
      int x = left + j * cell + cell / 2;
      svg.append("<a href=\"")
          .append(Html.esc(UrlLayout.href(topicOrder.get(j))))
          .append("\"><text transform=\"translate(")
          .append(x)
          .append(',')
          .append(top - 6)
          .append(") rotate(-60)\">")
          .append(Html.esc(topics.get(topicOrder.get(j))))
          .append("</text></a>\n");
    }
    for (int i = 0; i < mechanismOrder.size(); i++) {
      Node m = mechanismOrder.get(i);
      int y = top + i * cell;
      svg.append("<a href=\"")
          .append(Html.esc(UrlLayout.href(m)))
          .append("\"><text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(mechanisms.get(m)))
          .append("</text></a>\n");
      for (int j = 0; j < topicOrder.size(); j++) {
        int[] links = cells.get(m.getURI() + " " + topicOrder.get(j).getURI());
        String rect =
            "<rect x=\""
                + (left + j * cell)
                + "\" y=\""
                + y
                + "\" width=\""
                + (cell - 2)
                + "\" height=\""
                + (cell - 2)
                + "\"";
        if (links == null) {
          svg.append(rect).append(" fill=\"#f1f3f5\"/>\n");
          continue;
        }
        boolean stated = links[1] > 0;
        double opacity = 0.25 + 0.75 * links[0] / max;
        svg.append("<a href=\"")
            .append(Html.esc(UrlLayout.href(m)))
            .append("#evidence\">")
            .append(rect)
            .append(" class=\"")
            .append(stated ? "stated" : "derived")
            .append("\" fill=\"")
            .append(stated ? "#0b5cad" : "#d9480f")
            .append("\" fill-opacity=\"")
            .append(String.format(Locale.ROOT, "%.2f", opacity))
            .append("\"><title>")
            .append(Html.esc(mechanisms.get(m)))
            .append(" × ")
            .append(Html.esc(topics.get(topicOrder.get(j))))
            .append(": ")
            .append(links[0])
            .append(" link(s), ")
            .append(links[1])
            .append(" stated, ")
            .append(links[0] - links[1])
            .append(" derived</title></rect></a>\n");
      }
    }
    return svg.append("</svg></div>\n").toString();
  }

  private static final double SIN_60 = Math.sqrt(3) / 2;

  /**
   * A generous estimate of the width in pixels of the longest of {@code labels} in the matrix's 11
   * px font: wide enough that no label is cut off.
   */
  private static int textWidth(Collection<String> labels) {
    int widest = 0;
    for (String label : labels) {
      int w = 0;
      for (int i = 0; i < label.length(); i = label.offsetByCodePoints(i, 1)) {
        w += Character.isIdeographic(label.codePointAt(i)) ? 11 : 7;
      }
      widest = Math.max(widest, w);
    }
    return widest;
  }

  private static List<Node> sortByLabel(Map<Node, String> labels) {
    List<Node> nodes = new ArrayList<>(labels.keySet());
    nodes.sort(Comparator.comparing(labels::get));
    return nodes;
  }

  /** The four issue layers with their topics, nested by skos:broader. */
  private static String topicTree(Graph graph) {
    StringBuilder out = new StringBuilder("<h2>Issue layers and topics</h2>\n");
    list(
        graph,
        graph
            .find(Node.ANY, RDF.type.asNode(), DGOV.IssueLayer.asNode())
            .mapWith(t -> t.getSubject())
            .toList(),
        out);
    return out.append('\n').toString();
  }

  /** {@code nodes} as a list, each followed by its narrower concepts, recursively. */
  private static void list(Graph graph, List<Node> nodes, StringBuilder out) {
    if (nodes.isEmpty()) {
      return;
    }
    out.append("<ul>");
    nodes.stream()
        .sorted(byLabel(graph))
        .forEach(
            node -> {
              out.append("<li>").append(Labels.link(graph, node));
              list(
                  graph,
                  graph
                      .find(Node.ANY, SKOS.broader.asNode(), node)
                      .mapWith(t -> t.getSubject())
                      .toList(),
                  out);
              out.append("</li>");
            });
    out.append("</ul>");
  }

  private static Comparator<Node> byLabel(Graph graph) {
    return Comparator.comparing(n -> Labels.label(graph, n, "en").orElse(n.toString()));
  }
}
