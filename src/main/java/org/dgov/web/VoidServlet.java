package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;

/**
 * {@code /.well-known/void}: the dataset's VoID and DCAT description, counting the graph served and
 * the asserted statements as the dumps hold them.
 */
public final class VoidServlet extends GraphServlet {

  private final Supplier<Graph> asserted;

  /**
   * Describes the served graph, and {@code asserted}, the statements of the asserted dump, which it
   * gives inside the request's read transaction (a view of the store, not a copy).
   */
  public VoidServlet(Supplier<Graph> asserted) {
    this.asserted = asserted;
  }

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    RdfResponses.write(
        request,
        response,
        DatasetDescription.voidAndDcat(graph, asserted.get().size(), RdfResponses.base(request)));
  }
}
