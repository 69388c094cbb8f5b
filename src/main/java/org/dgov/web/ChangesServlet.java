package org.dgov.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.dgov.graph.History;

/**
 * The history of a writable server: {@code /dgov/changes} lists the accepted writes in order, as
 * plain JSON or as PROV-O (Turtle, JSON-LD, … by {@code Accept}), a page of {@code limit} (100 by
 * default) at a time after {@code ?since=VERSION} (the next page is linked, {@code rel="next"});
 * {@code /dgov/changes/VERSION} is that write's RDF Patch; an authenticated {@code POST
 * /dgov/changes/VERSION/revert} applies its inverse as a new write, validated and recorded like
 * any.
 */
public final class ChangesServlet extends HttpServlet {

  private static final String PATH = UrlLayout.SERVICE + "/changes";
  private static final int PAGE = 100;
  private static final int MAX_PAGE = 1000;
  private static final AcceptList OFFERED =
      AcceptList.create(
          "application/json",
          "text/turtle",
          "application/ld+json",
          "application/n-triples",
          "application/rdf+xml");

  private final LongUnaryOperator revert;

  /**
   * @param revert applies the inverse of a version as a new write and returns the new version (0
   *     when it changes nothing)
   */
  public ChangesServlet(LongUnaryOperator revert) {
    this.revert = revert;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String rest = request.getRequestURI().substring(PATH.length());
    DatasetGraph dataset = GraphServlet.dataset(getServletContext());
    if (rest.isEmpty() || rest.equals("/")) {
      long since = number(request, "since", 0, Long.MAX_VALUE);
      long limit = number(request, "limit", PAGE, MAX_PAGE);
      if (since < 0 || limit < 0) {
        response.sendError(
            HttpServletResponse.SC_BAD_REQUEST,
            "since must be a version (0 or more) and limit a number from 1 to " + MAX_PAGE);
        return;
      }
      feed(request, response, dataset, since, (int) limit);
      return;
    }
    long version = version(rest.substring(1));
    String patch =
        Txn.calculateRead(
            dataset,
            () ->
                History.entry(History.in(dataset), version).map(History.Entry::patch).orElse(null));
    if (patch == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no version " + rest.substring(1));
      return;
    }
    byte[] bytes = patch.getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/rdf-patch; charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String rest = request.getRequestURI().substring(PATH.length());
    if (!rest.startsWith("/") || !rest.endsWith("/revert")) {
      response.sendError(
          HttpServletResponse.SC_METHOD_NOT_ALLOWED, "POST only to " + PATH + "/VERSION/revert");
      return;
    }
    long version = version(rest.substring(1, rest.length() - "/revert".length()));
    if (version < 1) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such version: " + rest);
      return;
    }
    long made;
    try {
      made = revert.applyAsLong(version);
    } catch (ActionErrorException e) {
      response.sendError(e.getRC(), e.getMessage());
      return;
    }
    if (made == 0) {
      response.sendError(
          HttpServletResponse.SC_CONFLICT,
          "nothing to revert: the data no longer holds what version " + version + " changed");
      return;
    }
    JsonObject answer = new JsonObject();
    answer.put("reverted", version);
    answer.put("version", made);
    answer.put("patch", PATH + "/" + made);
    response.setStatus(200);
    response.setContentType("application/json; charset=utf-8");
    response.getWriter().write(answer.toString());
  }

  private static void feed(
      HttpServletRequest request,
      HttpServletResponse response,
      DatasetGraph dataset,
      long since,
      int limit)
      throws IOException {
    record Page(long latest, List<History.Entry> entries, Graph rdf) {}
    Page page =
        Txn.calculateRead(
            dataset,
            () -> {
              Graph history = History.in(dataset);
              List<History.Entry> entries = History.since(history, since, limit);
              return new Page(
                  History.version(history), entries, History.describe(history, entries));
            });
    long last =
        page.entries().isEmpty() ? since : page.entries().get(page.entries().size() - 1).version();
    String next = last < page.latest() ? PATH + "?since=" + last + "&limit=" + limit : null;
    if (next != null) {
      response.setHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    String type =
        ConNeg.chooseContentType(request, OFFERED, OFFERED.entries().get(0)).getContentTypeStr();
    if (!type.equals("application/json")) {
      RdfResponses.write(request, response, page.rdf());
      return;
    }
    JsonArray changes = new JsonArray();
    for (History.Entry e : page.entries()) {
      JsonObject item = new JsonObject();
      item.put("version", e.version());
      item.put("user", e.user());
      item.put("time", e.time().toString());
      item.put("message", e.message());
      item.put("subjects", iris(e.subjects()));
      item.put("deleted", iris(e.deleted()));
      if (e.reverts() > 0) {
        item.put("reverts", e.reverts());
      }
      item.put("patch", PATH + "/" + e.version());
      changes.add(item);
    }
    JsonObject feed = new JsonObject();
    feed.put("version", page.latest());
    feed.put("since", since);
    feed.put("changes", changes);
    if (next != null) {
      feed.put("next", next);
    }
    response.setStatus(200);
    response.setHeader("Vary", "Accept");
    response.setContentType("application/json; charset=utf-8");
    response.getWriter().write(feed.toString());
  }

  private static JsonArray iris(List<Node> nodes) {
    JsonArray array = new JsonArray();
    nodes.forEach(n -> array.add(n.getURI()));
    return array;
  }

  /**
   * A query parameter as a number up to {@code max}, {@code otherwise} when absent, -1 when bad.
   */
  private static long number(HttpServletRequest request, String name, long otherwise, long max) {
    String value = request.getParameter(name);
    if (value == null) {
      return otherwise;
    }
    long n = version(value);
    return n > max || (name.equals("limit") && n == 0) ? -1 : n;
  }

  /** A version number, -1 when {@code text} is not one. */
  private static long version(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
