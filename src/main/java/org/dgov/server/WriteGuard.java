package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.dgov.graph.Report;
import org.dgov.graph.ReportFormats;
import org.dgov.store.Users;
import org.dgov.store.ValidatingDataset;

/**
 * In front of every request that may write — SPARQL Update, Graph Store requests other than reads:
 * asks for a user (401 otherwise), and answers 422 with the validation report when the dataset
 * rolled the write back ({@link ValidatingDataset}), whatever Fuseki would have answered.
 */
final class WriteGuard implements Filter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  /** Fuseki 5.6 answers this client error with 500; it is a 400 (SPARQL 1.1 Protocol 2.2.3). */
  private static final String PROTOCOL_CONFLICT =
      "Protocol using-graph-uri or using-named-graph-uri present";

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
    BufferedResponse buffered = new BufferedResponse(response, Long.MAX_VALUE);
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
        body = buffered.body();
        if (buffered.status() == 500
            && new String(body, StandardCharsets.UTF_8).contains(PROTOCOL_CONFLICT)) {
          response.setStatus(400);
        }
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
