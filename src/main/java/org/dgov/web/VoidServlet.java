package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.apache.jena.graph.Graph;

/**
 * {@code /.well-known/void}: the dataset's VoID and DCAT description, counting the graph served and
 * the asserted statements as the dumps hold them.
 */
public final class VoidServlet extends GraphServlet {

  private final LongSupplier assertedTriples;

  /**
   * Describes the served graph, and the statements of the asserted dump, which {@code
   * assertedTriples} counts inside the request's read transaction (on a store, without a copy).
   */
  public VoidServlet(LongSupplier assertedTriples) {
    this.assertedTriples = assertedTriples;
  }

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    RdfResponses.write(
        request,
        response,
        DatasetDescription.voidAndDcat(
            graph, assertedTriples.getAsLong(), RdfResponses.base(request)));
  }
}
