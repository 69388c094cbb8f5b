package org.dgov.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /editor}: YASGUI, served from the jar, querying {@code /dgov/sparql} with the named
 * queries as example tabs ({@code static/editor.js}); {@code ?query=} opens a query.
 */
public final class EditorServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Html.send(response, 200, "editor.jte", null);
  }
}
