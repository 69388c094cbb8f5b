package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.dgov.graph.Report;
import org.dgov.graph.ReportFormats;

/**
 * In front of every request that may write — SPARQL Update, Graph Store requests other than reads:
 * asks for a user (401 otherwise), and answers 422 with the validation report when the dataset
 * rolled the write back ({@link ValidatingDataset}), whatever Fuseki would have answered.
 */
final class WriteGuard implements Filter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final Users users;
  private final ThreadLocal<Report> rejected = new ThreadLocal<>();

  WriteGuard(Users users) {
    this.users = users;
  }

  /** Called by the dataset, on the request's thread, when it rolls a write back. */
  void reject(Report report) {
    rejected.set(report);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    boolean writes =
        request.getRequestURI().endsWith("/update") || !READS.contains(request.getMethod());
    if (!writes) {
      chain.doFilter(req, res);
      return;
    }
    if (!users.verifyBasic(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"dgov-kg\", charset=\"UTF-8\"");
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "writes need a user name and password");
      return;
    }
    Buffered buffered = new Buffered(response);
    rejected.remove();
    try {
      chain.doFilter(req, buffered);
    } finally {
      Report report = rejected.get();
      rejected.remove();
      byte[] body;
      if (report != null) {
        body =
            ReportFormats.write(report, ReportFormats.Format.json).getBytes(StandardCharsets.UTF_8);
        response.setStatus(422);
        response.setContentType("application/json; charset=utf-8");
      } else {
        buffered.flushWriter();
        body = buffered.bytes.toByteArray();
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** Holds the body back until the write's outcome is known. */
  private static final class Buffered extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private PrintWriter writer;

    Buffered(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {}

    @Override
    public void setContentLengthLong(long length) {}

    @Override
    public void flushBuffer() {}

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }
  }
}
