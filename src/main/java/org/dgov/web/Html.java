package org.dgov.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Escaping and the page shell shared by every HTML page: plain, accessible, no external assets. */
final class Html {

  private Html() {}

  /** Text made safe for HTML element content and attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A complete page: {@code body} must already be escaped HTML. */
  static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s — dgov-kg</title>
        <link rel="stylesheet" href="/static/style.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header><nav aria-label="site">
        <a href="/">dgov-kg</a> <a href="/ontology">ontology</a> <a href="/queries">queries</a>
        <a href="/editor">SPARQL editor</a> <a href="/.well-known/void">dataset</a>
        <span class="langs" role="group" aria-label="language"><button type="button" data-lang="en">EN</button><button type="button" data-lang="zh">中文</button></span>
        </nav></header>
        <main>
        %s
        </main>
        <footer>Data CC BY 4.0 · source: 中国信息通信研究院《全球数字治理白皮书（2022 年）》</footer>
        </body>
        </html>
        """
        .formatted(esc(title), body);
  }

  static void send(HttpServletResponse response, int status, String html) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html; charset=utf-8");
    response.getWriter().write(html);
  }
}
