package org.dgov.graph;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * SERVICE, done safely, the same for the server and the command line: off unless asked for ({@code
 * --federate}), and then only to the endpoints on the allow-list (exact URLs from {@code
 * fuseki-config.ttl}); any other SERVICE — loopback, private ranges, {@code file:}, metadata
 * addresses, a variable — is refused before any connection is made, and redirects are not followed.
 * A refusal is the client's error (403, {@link QueryExceptionHTTP}, which Fuseki answers with its
 * status and message); a remote that cannot be reached is a bad gateway (502) whose message says
 * why: the host is not known, the connection was refused, or it timed out.
 */
public final class Federation {

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
          return remote(opService, () -> chain.createExecution(opService, input, execCxt));
        });
    registry.addSingleLink(
        (opExecute, opOriginal, binding, execCxt, chain) -> {
          check(opExecute, endpoints);
          return remote(
              opExecute, () -> chain.createExecution(opExecute, opOriginal, binding, execCxt));
        });
    ServiceExecutorRegistry.set(context, registry);
    context.set(Service.httpServiceAllowed, true);
    context.set(
        Service.httpQueryClient,
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
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

  /** The remote call, with a failure to reach the endpoint answered 502 with its cause. */
  private static <T> T remote(OpService op, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (HttpException | QueryExceptionHTTP e) {
      int status =
          e instanceof QueryExceptionHTTP q
              ? q.getStatusCode()
              : ((HttpException) e).getStatusCode();
      if (status > 0) {
        throw e;
      }
      throw new QueryExceptionHTTP(
          502, "SERVICE <" + op.getService().getURI() + "> could not be reached: " + cause(e));
    }
  }

  private static String cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "its host name is not known (DNS)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within 5 s";
      }
      if (t instanceof HttpTimeoutException) {
        return "it did not answer in time";
      }
      if (t instanceof ConnectException) {
        return "the connection was refused";
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
