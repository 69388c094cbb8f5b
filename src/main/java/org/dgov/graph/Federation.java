package org.dgov.graph;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * SERVICE, done safely, the same for the server and the command line: off unless asked for ({@code
 * --federate}), and then only to the endpoints on the allow-list (exact URLs from {@code
 * fuseki-config.ttl}); any other SERVICE — loopback, private ranges, {@code file:}, metadata
 * addresses, a variable — is refused before any connection is made, and redirects are not followed.
 * A refusal is the client's error (403, {@link QueryExceptionHTTP}, which Fuseki answers with its
 * status and message); a remote that cannot be reached, or answers with an error or a redirect, is
 * a bad gateway (502) whose message says why: the host is not known, the connection was refused,
 * the remote's status. Each remote call gets what is left of the query's time budget ({@link
 * #DEADLINE}, else {@link #UNTIMED_BUDGET}) and is abandoned when it runs out (504).
 */
public final class Federation {

  /**
   * When the query running in a context must end, as {@link System#nanoTime()}: a SERVICE call is
   * given only the time left until then.
   */
  public static final Symbol DEADLINE = Symbol.create("https://w3id.org/dgov/config#deadline");

  /** The time a SERVICE call gets when its query has no deadline (the command line's). */
  static final Duration UNTIMED_BUDGET = Duration.ofSeconds(60);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private Federation() {}

  /** Turns SERVICE off in {@code context}, with a refusal that says how to turn it on. */
  public static void refuse(Context context) {
    ServiceExecutorRegistry registry = ServiceExecutorRegistry.standardRegistry().copy();
    registry.addBulkLink(
        (opService, input, execCxt, chain) -> {
          throw refusal(
              opService.getService(),
              "SERVICE is off: start the server with `serve"
                  + " --federate` (or run `query --federate`) to call the endpoints that"
                  + " fuseki-config.ttl lists as :federationEndpoint");
        });
    ServiceExecutorRegistry.set(context, registry);
    context.set(Service.httpServiceAllowed, false);
  }

  /** Turns SERVICE on in {@code context}, for {@code allowed} endpoints only. */
  public static void allow(Context context, List<String> allowed) {
    Set<String> endpoints = Set.copyOf(allowed);
    ServiceExecutorRegistry registry = ServiceExecutorRegistry.standardRegistry().copy();
    registry.addBulkLink(
        (opService, input, execCxt, chain) -> {
          check(opService, endpoints);
          long budget = budget(opService, execCxt.getContext());
          return remote(opService, budget, () -> chain.createExecution(opService, input, execCxt));
        });
    registry.addSingleLink(
        (opExecute, opOriginal, binding, execCxt, chain) -> {
          check(opExecute, endpoints);
          long budget = budget(opExecute, execCxt.getContext());
          return remote(
              opExecute,
              budget,
              () -> chain.createExecution(opExecute, opOriginal, binding, execCxt));
        });
    ServiceExecutorRegistry.set(context, registry);
    context.set(Service.httpServiceAllowed, true);
    context.set(
        Service.httpQueryClient,
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build());
  }

  private static void check(OpService op, Set<String> endpoints) {
    Node service = op.getService();
    if (!service.isURI() || !endpoints.contains(service.getURI())) {
      throw refusal(
          service,
          "is not allowed: this server federates only with "
              + String.join(", ", endpoints.stream().sorted().toList()));
    }
  }

  private static QueryExceptionHTTP refusal(Node service, String reason) {
    String name =
        service.isURI() ? "SERVICE <" + service.getURI() + "> " : "SERVICE " + service + " ";
    return new QueryExceptionHTTP(403, reason.startsWith("SERVICE") ? reason : name + reason);
  }

  /**
   * The milliseconds left of the query's budget, set in {@code context} as the remote call's
   * timeout; a query with none left is stopped as by its own timeout.
   */
  private static long budget(OpService op, Context context) {
    Object deadline = context.get(DEADLINE);
    long left =
        deadline instanceof Long end
            ? TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())
            : UNTIMED_BUDGET.toMillis();
    if (left <= 0) {
      throw new QueryCancelledException();
    }
    context.set(Service.httpQueryTimeout, left);
    return left;
  }

  /**
   * The remote call, with a failure to reach the endpoint, or an answer other than results,
   * answered 502 with its cause, and no answer within {@code budgetMillis} 504.
   */
  private static <T> T remote(OpService op, long budgetMillis, Supplier<T> call) {
    String service = "SERVICE <" + op.getService().getURI() + ">";
    try {
      return call.get();
    } catch (HttpException | QueryExceptionHTTP e) {
      int status =
          e instanceof QueryExceptionHTTP q
              ? q.getStatusCode()
              : ((HttpException) e).getStatusCode();
      if (status >= 300 && status < 400) {
        throw new QueryExceptionHTTP(
            502,
            service
                + " answered with a redirect ("
                + status
                + "), which is not followed: list the address it redirects to as a"
                + " :federationEndpoint instead");
      }
      if (status > 0) {
        throw new QueryExceptionHTTP(502, service + " answered with an error (" + status + ")");
      }
      if (timedOut(e)) {
        throw new QueryExceptionHTTP(
            504,
            service
                + " did not answer within the "
                + budgetMillis
                + " ms left of the query's time limit: the call was abandoned");
      }
      throw new QueryExceptionHTTP(502, service + " could not be reached: " + cause(e));
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException)) {
        return true;
      }
    }
    return false;
  }

  private static String cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "its host name is not known (DNS)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof ConnectException) {
        return "the connection was refused";
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
