package org.dgov.server;

import java.util.List;
import java.util.Optional;
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
 * federation is on, and the public base URL that absolute IRIs in served documents start with
 * ({@code :publicBaseUrl}; empty: {@code http://localhost:PORT}).
 */
public record ServerSettings(
    long maxRequestBytes,
    int maxUrlLength,
    int maxConcurrentQueries,
    long maxResultBytes,
    List<String> federationEndpoints,
    Optional<String> publicBaseUrl) {

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
                        where + ": :publicBaseUrl")));
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
