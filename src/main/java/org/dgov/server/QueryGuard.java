package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * In front of {@code /dgov/sparql}: results are held back up to a limit, so that a result cut by
 * the timeout or by the lane ({@link QueryAction}) is an error, never a short 200, and a result
 * over the limit is refused; an error is answered as plain text, its first line only. The named
 * queries at {@code /queries/{name}} are the vetted lane and do not pass here.
 */
final class QueryGuard implements Filter {

  private final long maxResultBytes;

  QueryGuard(long maxResultBytes) {
    this.maxResultBytes = maxResultBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse response = (HttpServletResponse) res;
    BufferedResponse buffered = new BufferedResponse(response, maxResultBytes);
    try {
      chain.doFilter(req, buffered);
    } catch (IOException | RuntimeException | ServletException e) {
      if (!buffered.overflowed()) {
        throw e;
      }
    }
    if (buffered.overflowed()) {
      PlainError.send(
          response,
          400,
          "the result is larger than " + maxResultBytes + " bytes: narrow the query or add LIMIT");
    } else if (buffered.status() >= 400) {
      if (buffered.status() == 503 && !response.containsHeader("Retry-After")) {
        response.setHeader("Retry-After", Integer.toString(QueryLane.RETRY_AFTER_SECONDS));
      }
      String body = new String(buffered.body(), StandardCharsets.UTF_8);
      PlainError.send(response, buffered.status(), body.lines().findFirst().orElse("error"));
    } else {
      byte[] body = buffered.body();
      response.setStatus(buffered.status());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
