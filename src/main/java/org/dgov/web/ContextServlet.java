package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;

/** {@code /context.jsonld}: the JSON-LD context that the resource documents refer to. */
public final class ContextServlet extends GraphServlet {

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    response.setContentType("application/ld+json; charset=utf-8");
    JSON.write(response.getOutputStream(), JsonLdContext.document(graph.getPrefixMapping()));
  }
}
