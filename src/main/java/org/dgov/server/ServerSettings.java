package org.dgov.server;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.dgov.graph.Project;
import org.dgov.web.UrlLayout;

/**
 * The settings {@code fuseki-config.ttl} gives on its {@code fuseki:Server} beyond Fuseki's own:
 * request-size limit, cap on concurrently running queries, the endpoints SERVICE may reach when
 * federation is on, the public base URL that absolute IRIs in served documents start with ({@code
 * :publicBaseUrl}; empty: {@code http://localhost:PORT}); how the query lane is shared ({@link
 * LaneSettings}) and how big a query may be ({@link QueryBounds}).
 */
public record ServerSettings(
    long maxRequestBytes,
    int maxUrlLength,
    int maxConcurrentQueries,
    long maxResultBytes,
    List<String> federationEndpoints,
    Optional<String> publicBaseUrl,
    LaneSettings lane,
    QueryBounds queryBounds) {

  static final String NS = "https://w3id.org/dgov/config#";

  /** The settings in {@code project}'s {@code fuseki-config.ttl}. */
  public static ServerSettings read(Project project) {
    Graph config = RDFDataMgr.loadGraph(project.fusekiConfig().toString());
    String where = project.display(project.fusekiConfig());
    return new ServerSettings(
        number(config, "maxRequestBytes", where),
        (int) number(config, "maxUrlLength", where),
        (int) number(config, "maxConcurrentQueries", where),
        number(config, "maxResultBytes", where),
        config
            .find(Node.ANY, NodeFactory.createURI(NS + "federationEndpoint"), Node.ANY)
            .mapWith(t -> t.getObject().getURI())
            .toList(),
        config
            .find(Node.ANY, NodeFactory.createURI(NS + "publicBaseUrl"), Node.ANY)
            .mapWith(Triple::getObject)
            .nextOptional()
            .map(
                n ->
                    UrlLayout.baseUrl(
                        n.isURI() ? n.getURI() : n.getLiteralLexicalForm(),
                        where + ": :publicBaseUrl")),
        new LaneSettings(
            (int) number(config, "shortLaneSlots", where),
            number(config, "shortLaneMillis", where),
            (int) number(config, "maxConcurrentQueries", where),
            (int) number(config, "maxHeavyQueriesPerClient", where),
            trustedProxies(config, where)),
        new QueryBounds(
            (int) number(config, "maxQueryChars", where),
            (int) number(config, "maxQueryDepth", where),
            (int) number(config, "maxValuesCells", where)));
  }

  /** The {@code :trustedProxy} addresses, each an IP address literal. */
  private static Set<String> trustedProxies(Graph config, String where) {
    Set<String> proxies = new HashSet<>();
    config
        .find(Node.ANY, NodeFactory.createURI(NS + "trustedProxy"), Node.ANY)
        .forEach(
            t -> {
              String address =
                  t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : "";
              if (ClientAddress.canonical(address) == null) {
                throw new IllegalStateException(
                    where
                        + ": :trustedProxy "
                        + t.getObject()
                        + " is not an IP address: give the proxy's address as a string, such as"
                        + " \"127.0.0.1\"");
              }
              proxies.add(address);
            });
    return Set.copyOf(proxies);
  }

  private static long number(Graph config, String name, String where) {
    return config
        .find(Node.ANY, NodeFactory.createURI(NS + name), Node.ANY)
        .mapWith(Triple::getObject)
        .mapWith(n -> ((Number) n.getLiteralValue()).longValue())
        .nextOptional()
        .orElseThrow(
            () -> new IllegalStateException(where + " sets no :" + name + " on the server"));
  }
}
