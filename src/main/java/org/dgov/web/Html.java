package org.dgov.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The pages' templates ({@code src/main/jte}), compiled with the build into this package: each page
 * template takes one record of prepared values and escapes all of them.
 */
final class Html {

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Html.class.getClassLoader(), Html.class.getPackageName());

  private Html() {}

  /**
   * The page {@code template} (for example {@code "search.jte"}) filled with {@code page}, its one
   * parameter; null for a template without parameters.
   */
  static String render(String template, Object page) {
    StringOutput out = new StringOutput();
    if (page == null) {
      TEMPLATES.render(template, Map.of(), out);
    } else {
      TEMPLATES.render(template, page, out);
    }
    return out.toString();
  }

  static void send(HttpServletResponse response, int status, String template, Object page)
      throws IOException {
    send(response, status, render(template, page));
  }

  /** A page already rendered. */
  static void send(HttpServletResponse response, int status, String html) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html; charset=utf-8");
    response.getWriter().write(html);
  }
}
