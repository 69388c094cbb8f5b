package org.dgov.server;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * SERVICE, done safely: when federation is on, a query may call only the endpoints on the
 * allow-list (exact URLs from {@code fuseki-config.ttl}); any other SERVICE — loopback, private
 * ranges, {@code file:}, metadata addresses, a variable — is refused before any connection is made,
 * and redirects are not followed.
 */
final class Federation {

  private Federation() {}

  /** Turns SERVICE on in {@code context}, for {@code allowed} endpoints only. */
  static void allow(Context context, List<String> allowed) {
    Set<String> endpoints = Set.copyOf(allowed);
    ServiceExecutorRegistry registry = ServiceExecutorRegistry.standardRegistry().copy();
    registry.addBulkLink(
        (opService, input, execCxt, chain) -> {
          check(opService, endpoints);
          return chain.createExecution(opService, input, execCxt);
        });
    registry.addSingleLink(
        (opExecute, opOriginal, binding, execCxt, chain) -> {
          check(opExecute, endpoints);
          return chain.createExecution(opExecute, opOriginal, binding, execCxt);
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
      throw new QueryExecException(
          "SERVICE "
              + (service.isURI() ? "<" + service.getURI() + ">" : service)
              + " is not allowed: this server federates only with "
              + String.join(", ", endpoints.stream().sorted().toList()));
    }
  }
}
