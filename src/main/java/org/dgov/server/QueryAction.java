package org.dgov.server;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.dgov.graph.Federation;

/**
 * Fuseki's SPARQL query operation, with each query parsed once and every step inside its bounds:
 * the text and then the syntax tree are checked ({@link QueryBounds}, {@link BoundedEvaluation})
 * before anything recursive reads them, the query runs in the fair lane ({@link QueryLane}), and
 * its time budget (the configured timeout, or a lower {@code ?timeout=}) counts from when the
 * request was read, parsing included; what is left of it goes with the query to SERVICE calls
 * ({@link Federation#DEADLINE}). Registered in place of Fuseki's own {@code fuseki:query}.
 */
final class QueryAction extends SPARQL_QueryDataset {

  /** How much of a query is logged: enough to recognise it. */
  private static final int LOGGED_CHARS = 200;

  private final QueryLane lane;
  private final ClientAddress clients;
  private final QueryBounds bounds;

  QueryAction(LaneSettings lane, QueryBounds bounds) {
    this.lane = new QueryLane(lane);
    this.clients = new ClientAddress(lane.trustedProxies());
    this.bounds = bounds;
  }

  @Override
  protected void execute(String queryString, HttpAction action) {
    long start = System.nanoTime();
    if (queryString.isBlank()) {
      ServletOps.errorBadRequest("the query is empty: send it as query= or as the body");
    }
    String logged = logged(queryString);
    action.log.info(String.format("[%d] Query = %s", action.id, logged));
    try (QueryLane.Ticket ticket = lane.enter(clients.of(action.getRequest()))) {
      ticket.refusal().ifPresent(r -> refuse(action, r));
      Query query = parsed(queryString, action);
      bounds.checkTree(query);
      BoundedEvaluation.refusal(query).ifPresent(ServletOps::errorBadRequest);
      action.beginRead();
      try {
        Pair<DatasetGraph, Query> chosen = decideDataset(action, query, logged);
        try (QueryExec exec = exec(action, chosen.getRight(), chosen.getLeft(), start)) {
          ticket.onRefusal(exec::abort);
          ticket.refusal().ifPresent(r -> refuse(action, r));
          sendResults(action, executeQuery(action, exec, query, ""), query.getPrologue());
        }
      } catch (QueryCancelledException e) {
        action.abortSilent();
        Optional<QueryLane.Refusal> refusal = ticket.refusal();
        refusal.ifPresent(r -> refuse(action, r));
        refuse(
            action,
            new QueryLane.Refusal(
                503, "query timed out: the results were not sent; narrow the query or add LIMIT"));
      } finally {
        action.endRead();
      }
    }
  }

  /** {@code sparql} parsed once, as Fuseki parses it, after its text was found within bounds. */
  private Query parsed(String sparql, HttpAction action) {
    bounds.checkText(sparql);
    try {
      return QueryFactory.create(sparql, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
    } catch (QueryParseException e) {
      String message =
          e.getMessage() == null
              ? "the query could not be parsed"
              : "Parse error: " + e.getMessage().lines().findFirst().orElse("");
      action.log.warn(String.format("[%d] %s", action.id, message));
      ServletOps.errorBadRequest(message);
      throw e; // not reached: errorBadRequest throws
    }
  }

  /**
   * The execution of {@code query} with the budget left of the timeout the server sets (the
   * context's {@code arq:queryTimeout}), or of a lower one the client asks for ({@code ?timeout=}
   * in seconds), counted from {@code startNanos}.
   */
  private static QueryExec exec(
      HttpAction action, Query query, DatasetGraph dataset, long startNanos) {
    Pair<Long, Long> server = timeouts(action.getContext().getAsString(ARQ.queryTimeout), true);
    Pair<Long, Long> client = timeouts(action.getRequestParameter("timeout"), false);
    long initial = lower(server.getLeft(), client.getLeft());
    long overall = lower(server.getRight(), client.getRight());
    long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    QueryExecDatasetBuilder builder =
        QueryExec.newBuilder().dataset(dataset).query(query).context(action.getContext());
    if (initial > 0) {
      builder.initialTimeout(Math.max(1, initial - spent), TimeUnit.MILLISECONDS);
    }
    if (overall > 0) {
      builder.overallTimeout(Math.max(1, overall - spent), TimeUnit.MILLISECONDS);
      builder.set(Federation.DEADLINE, startNanos + TimeUnit.MILLISECONDS.toNanos(overall));
    }
    return builder.build();
  }

  /** Initial and overall timeout in milliseconds (-1: none) from a setting or a parameter. */
  private static Pair<Long, Long> timeouts(String value, boolean millis) {
    Pair<Long, Long> parsed =
        value == null
            ? null
            : Timeouts.parseTimeoutStr(value, millis ? TimeUnit.MILLISECONDS : TimeUnit.SECONDS);
    return parsed == null ? Pair.create(-1L, -1L) : parsed;
  }

  /** The server's timeout, lowered by the client's if that is set and lower. */
  private static long lower(long server, long client) {
    if (server < 0) {
      return client;
    }
    return client > 0 ? Math.min(server, client) : server;
  }

  /** Answers {@code refusal}, with {@code Retry-After} when asking again later may work. */
  private static void refuse(HttpAction action, QueryLane.Refusal refusal) {
    if (refusal.status() == 503 || refusal.status() == 429) {
      action.setResponseHeader("Retry-After", Integer.toString(QueryLane.RETRY_AFTER_SECONDS));
    }
    ServletOps.error(refusal.status(), refusal.reason());
  }

  /** The start of {@code sparql} on one line, for the log. */
  private static String logged(String sparql) {
    String line = sparql.replaceAll("\\s+", " ").strip();
    return line.length() <= LOGGED_CHARS
        ? line
        : line.substring(0, LOGGED_CHARS) + "… (" + sparql.length() + " characters)";
  }
}
