package org.dgov.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the pages' CSS, scripts and the SPARQL editor from the jar's {@code static/} folder. */
public final class StaticServlet extends HttpServlet {

  private static final Map<String, String> TYPES =
      Map.of(
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "txt",
          "text/plain; charset=utf-8");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring("/static/".length());
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    InputStream in =
        path.contains("..") || type == null
            ? null
            : getClass().getResourceAsStream("/static/" + path);
    if (in == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (in) {
      response.setContentType(type);
      response.setHeader("Cache-Control", "public, max-age=3600");
      in.transferTo(response.getOutputStream());
    }
  }
}
