package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * In front of {@code /dgov/sparql}: at most {@code maxConcurrent} ad-hoc queries run at once (more
 * get 503 with {@code Retry-After}; Jena 5.6 does not stop every query at its timeout), and results
 * are held back up to a limit, so that a result cut by the timeout is an error, never a short 200,
 * and a result over the limit is refused. The named queries at {@code /queries/{name}} are the
 * vetted lane and do not queue here.
 */
final class QueryGuard implements Filter {

  private static final String RETRY_AFTER_SECONDS = "5";

  private final Semaphore running;
  private final long maxResultBytes;

  QueryGuard(int maxConcurrent, long maxResultBytes) {
    this.running = new Semaphore(maxConcurrent);
    this.maxResultBytes = maxResultBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse response = (HttpServletResponse) res;
    Replayable request = new Replayable((HttpServletRequest) req);
    Optional<String> refusal = BoundedEvaluation.refusal(request.query());
    if (refusal.isPresent()) {
      error(response, 400, refusal.get());
      return;
    }
    if (!running.tryAcquire()) {
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.sendError(
          503, "too many queries are running: retry in " + RETRY_AFTER_SECONDS + " s");
      return;
    }
    BufferedResponse buffered = new BufferedResponse(response, maxResultBytes);
    try {
      chain.doFilter(request, buffered);
    } catch (IOException | RuntimeException | ServletException e) {
      if (!buffered.overflowed()) {
        throw e;
      }
    } finally {
      running.release();
    }
    if (buffered.overflowed()) {
      error(
          response,
          400,
          "the result is larger than " + maxResultBytes + " bytes: narrow the query or add LIMIT");
    } else if (buffered.status() >= 400) {
      String body = new String(buffered.body(), StandardCharsets.UTF_8);
      // Fuseki answers the timeout's QueryCancelledException, and only that, with 503
      boolean timedOut = buffered.status() == 503;
      if (timedOut) {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      }
      error(
          response,
          timedOut ? 503 : buffered.status(),
          timedOut ? "query timed out: the results were not sent" : firstLine(body));
    } else {
      byte[] body = buffered.body();
      response.setStatus(buffered.status());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** The request with its body read once, so that the query can be checked and then executed. */
  private static final class Replayable extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayable(HttpServletRequest request) throws IOException {
      super(request);
      boolean direct =
          request.getContentType() != null
              && request.getContentType().startsWith("application/sparql-query");
      this.body = direct ? request.getInputStream().readAllBytes() : null;
    }

    String query() {
      if (body != null) {
        return new String(body, StandardCharsets.UTF_8);
      }
      String query = getParameter("query");
      return query == null ? "" : query;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        return super.getInputStream();
      }
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      return body == null
          ? super.getReader()
          : new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  private static String firstLine(String body) {
    return body.lines().findFirst().orElse("error");
  }

  private static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
