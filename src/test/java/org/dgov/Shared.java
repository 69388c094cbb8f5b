package org.dgov;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.dgov.graph.CuratedGraph;
import org.dgov.server.DgovServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What many test classes read and none may change, made once per test JVM instead of once per
 * class: the repository's curated graph, loaded and read-only ({@link CuratedGraph}), and one
 * read-only server on the repository ({@link Server}). A class declares
 * {@code @ExtendWith(Shared.class)} and takes them as parameters, e.g. {@code @BeforeAll static
 * void start(Shared.Server server)}; the server stops when the run ends.
 */
public final class Shared implements ParameterResolver {

  private static final ExtensionContext.Namespace SHARED =
      ExtensionContext.Namespace.create(Shared.class);

  /** The read-only server on the repository, on a free loopback port. */
  public record Server(FusekiServer fuseki, String base) implements AutoCloseable {

    static Server start() throws Exception {
      FusekiServer fuseki = DgovServer.start(TestProjects.repository(), 0, true);
      return new Server(fuseki, "http://localhost:" + fuseki.getHttpPort());
    }

    @Override
    public void close() {
      fuseki.stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CuratedGraph.class || type == Server.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    ExtensionContext.Store store = context.getRoot().getStore(SHARED);
    return type == Server.class
        ? store.getOrComputeIfAbsent(Server.class, k -> unchecked(Server::start), Server.class)
        : store.getOrComputeIfAbsent(
            CuratedGraph.class, k -> readOnlyCurated(), CuratedGraph.class);
  }

  private static CuratedGraph readOnlyCurated() {
    CuratedGraph curated = unchecked(() -> CuratedGraph.load(TestProjects.repository()));
    return new CuratedGraph(
        new GraphReadOnly(curated.ontology()),
        new GraphReadOnly(curated.data()),
        new GraphReadOnly(curated.shapes()),
        curated.rules(),
        curated.files());
  }

  private interface Making<T> {
    T make() throws Exception;
  }

  private static <T> T unchecked(Making<T> making) {
    try {
      return making.make();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
