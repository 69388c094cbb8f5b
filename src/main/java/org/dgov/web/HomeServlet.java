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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.graph.NamedQuery;
import org.dgov.vocab.DGOV;

/**
 * The home page: what the graph holds, the mechanism × topic coverage matrix as an SVG heat map,
 * the layer and topic tree, the named queries and a search box. What it shows is computed once per
 * version of the data, not once per request.
 */
public final class HomeServlet extends GraphServlet {

  /** The sections of the home page that a named query feeds ({@code # section:} in its header). */
  static final String COUNTS = "home-counts", MATRIX = "home-matrix";

  /** Every section a named query may feed. */
  public static final List<String> SECTIONS = List.of(COUNTS, MATRIX);

  private final Map<String, NamedQuery> queries;
  private final LongSupplier version;
  private final AtomicReference<Computed> computed = new AtomicReference<>();

  /**
   * @param version the version of the data the request's read transaction sees: the page is
   *     computed again only when it changes
   */
  public HomeServlet(Map<String, NamedQuery> queries, LongSupplier version) {
    this.queries = queries;
    this.version = version;
  }

  /** The page as computed for one version of the data. */
  private record Computed(long version, Page page) {}

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    if (!request.getRequestURI().equals("/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long seen = version.getAsLong();
    Computed page =
        computed.updateAndGet(
            known ->
                known != null && known.version() == seen
                    ? known
                    : new Computed(
                        seen,
                        new Page(
                            counts(graph),
                            coverage(graph),
                            layers(graph),
                            List.copyOf(queries.values()))));
    Html.send(response, 200, "home.jte", page.page());
  }

  /** What the home page shows; {@code counts} and {@code matrix} are null without their query. */
  record Page(View.Results counts, Matrix matrix, List<Branch> layers, List<NamedQuery> queries) {}

  /** The coverage matrix laid out: its size, the topics' column heads and the mechanisms' rows. */
  record Matrix(int width, int height, int cell, List<Head> topics, List<Row> rows) {}

  /** A topic's column head, anchored at {@code x, y}. */
  record Head(String href, String label, int x, int y) {}

  /** A mechanism's row: its label, right-aligned at {@code x, y}, and one cell per topic. */
  record Row(String href, String label, int x, int y, List<Cell> cells) {}

  /**
   * One mechanism × topic cell at {@code x, y}: {@code covered} when it has coverage links, then
   * how many and how many of them stated; {@code opacity} grows with the links.
   */
  record Cell(int x, int y, String topic, boolean covered, int links, int stated, String opacity) {}

  /** A concept and its narrower concepts. */
  record Branch(View.Link link, List<Branch> narrower) {}

  private View.Results counts(Graph graph) {
    NamedQuery query = NamedQuery.forSection(queries.values(), COUNTS).orElse(null);
    if (query == null) {
      return null;
    }
    List<List<View.Value>> rows = new ArrayList<>();
    for (QuerySolution row : Sparql.select(graph, query.text())) {
      rows.add(
          List.of(
              Labels.link(graph, row.get("class").asNode()),
              new View.Text(String.valueOf(row.getLiteral("resources").getInt()), "")));
    }
    return new View.Results(List.of("class", "resources"), rows);
  }

  /**
   * The coverage matrix as a heat map; each cell links to the mechanism's page and its evidence.
   * Cells with a stated link are blue, cells whose links are all derived by the rules orange; the
   * margins are sized from the labels so that none is cut off.
   */
  private Matrix coverage(Graph graph) {
    NamedQuery query = NamedQuery.forSection(queries.values(), MATRIX).orElse(null);
    if (query == null) {
      return null;
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
    List<Head> heads = new ArrayList<>();
    for (int j = 0; j < topicOrder.size(); j++) {
      Node t = topicOrder.get(j);
      heads.add(new Head(UrlLayout.href(t), topics.get(t), left + j * cell + cell / 2, top - 6));
    }
    List<Row> matrix = new ArrayList<>();
    for (int i = 0; i < mechanismOrder.size(); i++) {
      Node m = mechanismOrder.get(i);
      int y = top + i * cell;
      List<Cell> row = new ArrayList<>();
      for (int j = 0; j < topicOrder.size(); j++) {
        Node t = topicOrder.get(j);
        int[] links = cells.get(m.getURI() + " " + t.getURI());
        row.add(
            links == null
                ? new Cell(left + j * cell, y, topics.get(t), false, 0, 0, "")
                : new Cell(
                    left + j * cell,
                    y,
                    topics.get(t),
                    true,
                    links[0],
                    links[1],
                    String.format(Locale.ROOT, "%.2f", 0.25 + 0.75 * links[0] / max)));
      }
      matrix.add(new Row(UrlLayout.href(m), mechanisms.get(m), left - 6, y + 15, row));
    }
    return new Matrix(width, height, cell - 2, heads, matrix);
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
  private static List<Branch> layers(Graph graph) {
    return branches(
        graph,
        graph
            .find(Node.ANY, RDF.type.asNode(), DGOV.IssueLayer.asNode())
            .mapWith(t -> t.getSubject())
            .toList());
  }

  /** {@code nodes} in label order, each with its narrower concepts, recursively. */
  private static List<Branch> branches(Graph graph, List<Node> nodes) {
    return nodes.stream()
        .sorted(byLabel(graph))
        .map(
            node ->
                new Branch(
                    Labels.link(graph, node),
                    branches(
                        graph,
                        graph
                            .find(Node.ANY, SKOS.broader.asNode(), node)
                            .mapWith(t -> t.getSubject())
                            .toList())))
        .toList();
  }

  private static Comparator<Node> byLabel(Graph graph) {
    return Comparator.comparing(n -> Labels.label(graph, n, "en").orElse(n.toString()));
  }
}
