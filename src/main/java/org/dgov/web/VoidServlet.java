package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.graph.Graph;

/** {@code /.well-known/void}: the dataset's VoID and DCAT description. */
public final class VoidServlet extends GraphServlet {

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    RdfResponses.write(
        request, response, DatasetDescription.voidAndDcat(graph, RdfResponses.base(request)));
  }
}
