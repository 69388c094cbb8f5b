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
import java.io.IOException;

/**
 * Request bodies over the configured size get 413 before they are read whole: at once when the
 * declared length is over, else as soon as the stream passes the limit. URLs over the configured
 * length get 414.
 */
final class RequestLimits implements Filter {

  private final long maxBytes;
  private final int maxUrlLength;

  RequestLimits(long maxBytes, int maxUrlLength) {
    this.maxBytes = maxBytes;
    this.maxUrlLength = maxUrlLength;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String query = request.getQueryString();
    if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1)
        > maxUrlLength) {
      response.sendError(
          414, "the URL is longer than " + maxUrlLength + " characters: POST the query instead");
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(response);
      return;
    }
    try {
      chain.doFilter(new Limited(request, response, maxBytes), res);
    } catch (ServletException | IOException | RuntimeException e) {
      if (causedByLimit(e) && !response.isCommitted()) {
        response.reset();
        tooLarge(response);
      } else {
        throw e;
      }
    }
  }

  private static boolean causedByLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    response.sendError(413, "the request body is larger than the limit of " + maxBytes + " bytes");
  }

  /** Thrown when a body passes the limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("request body over the limit");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final HttpServletResponse response;
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, HttpServletResponse response, long maxBytes) {
      super(request);
      this.response = response;
      this.maxBytes = maxBytes;
    }

    /** Answers 413 at once, before whoever reads the body turns the failure into another error. */
    private TooLarge overLimit() throws IOException {
      if (!response.isCommitted()) {
        response.setHeader("Connection", "close");
        response.sendError(
            413, "the request body is larger than the limit of " + maxBytes + " bytes");
      }
      return new TooLarge();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++read > maxBytes) {
                  throw overLimit();
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int off, int len) throws IOException {
                int n = in.read(buffer, off, len);
                if (n > 0 && (read += n) > maxBytes) {
                  throw overLimit();
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
