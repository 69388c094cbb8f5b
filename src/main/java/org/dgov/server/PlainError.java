package org.dgov.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An error answered as one line of plain text that says what went wrong and what to do. Filters
 * write it themselves instead of {@link HttpServletResponse#sendError}, whose body is Jetty's error
 * page, where the answer must be exactly this line: an error taken back from a buffered response, a
 * refusal decided before the request reaches Fuseki, a replica's refusal of a write.
 */
public final class PlainError {

  /** The media type of every such answer. */
  static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  private PlainError() {}

  /** Answers {@code status} with {@code message} as its body, on a response not yet committed. */
  public static void send(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body = body(message);
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The body that answers {@code message}: the line and its end, in UTF-8. */
  static byte[] body(String message) {
    return (message + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
