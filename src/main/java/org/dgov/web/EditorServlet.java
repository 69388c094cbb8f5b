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
    String body =
        """
        <link rel="stylesheet" href="/static/yasgui/yasgui.min.css">
        <h1>SPARQL editor</h1>
        <p>Queries run against <code>/dgov/sparql</code>. The named queries open as examples.</p>
        <div id="yasgui"></div>
        <script src="/static/yasgui/yasgui.min.js" defer></script>
        <script src="/static/editor.js" defer></script>
        """;
    Html.send(response, 200, Html.page("SPARQL editor", body));
  }
}
