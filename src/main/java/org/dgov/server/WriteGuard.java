package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dgov.graph.ReportFormats;
import org.dgov.store.Refusal;
import org.dgov.store.SignIn;
import org.dgov.store.Users;
import org.dgov.store.ValidatingDataset;
import org.dgov.store.WriteRequest;

/**
 * In front of every request that may write — SPARQL Update, Graph Store requests other than reads,
 * reverts: asks for a user (401 otherwise), tells the dataset who writes and what the request says
 * about the write (the {@value #MESSAGE_HEADER} header for the history, the {@value
 * ValidatingDataset#DELETE_HEADER} header naming entries deleted on purpose), and answers the
 * refusal's status (422, or 403 for LOAD) with the reason, or the validation report, when the
 * dataset rolled the write back ({@link ValidatingDataset}), whatever Fuseki would have answered.
 *
 * <p>Wrong passwords are slowed without holding a thread: a client address or a user name that sent
 * too many wrong credentials in a row is answered 429 with {@code Retry-After}, before any password
 * is checked, until its backoff ends ({@link Users#signIn}).
 */
final class WriteGuard implements Filter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  /** The request header whose value goes into the history as the write's message. */
  static final String MESSAGE_HEADER = "Dgov-Message";

  private final Users users;

  private final ThreadLocal<Refusal> rejected = new ThreadLocal<>();
  private final ThreadLocal<WriteRequest> writing = new ThreadLocal<>();

  WriteGuard(Users users) {
    this.users = users;
  }

  /** The write request being served on this thread, null outside one. */
  WriteRequest current() {
    return writing.get();
  }

  /** Called by the dataset, on the request's thread, when it rolls a write back. */
  void reject(Refusal refusal) {
    rejected.set(refusal);
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
    SignIn signIn = users.signIn(request.getRemoteAddr(), request.getHeader("Authorization"));
    if (signIn instanceof SignIn.Slowed slowed) {
      response.setHeader("Retry-After", String.valueOf(slowed.retryAfter().toSeconds()));
      response.sendError(429, slowed.reason());
      return;
    }
    if (!(signIn instanceof SignIn.Accepted accepted)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"dgov-kg\", charset=\"UTF-8\"");
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "writes need a user name and password");
      return;
    }
    Set<Node> deletions = new LinkedHashSet<>();
    for (String name : headerValues(request, ValidatingDataset.DELETE_HEADER)) {
      String iri =
          name.startsWith("<") && name.endsWith(">") ? name.substring(1, name.length() - 1) : name;
      if (!iri.startsWith("https://") && !iri.startsWith("http://")) {
        PlainError.send(
            response,
            HttpServletResponse.SC_BAD_REQUEST,
            ValidatingDataset.DELETE_HEADER + ": '" + name + "' is not the IRI of an entry");
        return;
      }
      deletions.add(NodeFactory.createURI(iri));
    }
    String message = request.getHeader(MESSAGE_HEADER);
    writing.set(
        new WriteRequest(
            accepted.user(), message == null ? "" : decode(message.strip()), deletions));
    BufferedResponse buffered = new BufferedResponse(response, Long.MAX_VALUE);
    rejected.remove();
    try {
      chain.doFilter(req, buffered);
    } finally {
      writing.remove();
      Refusal refusal = rejected.get();
      rejected.remove();
      byte[] body;
      if (refusal != null && refusal.report() != null) {
        body =
            ReportFormats.write(refusal.report(), ReportFormats.Format.json)
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.status());
        response.setContentType("application/json; charset=utf-8");
      } else if (refusal != null) {
        body = PlainError.body(refusal.reason());
        response.setStatus(refusal.status());
        response.setContentType(PlainError.CONTENT_TYPE);
      } else {
        body = buffered.body();
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** The values of a header that may be repeated or hold several, separated by commas or spaces. */
  private static List<String> headerValues(HttpServletRequest request, String name) {
    List<String> values = new ArrayList<>();
    request
        .getHeaders(name)
        .asIterator()
        .forEachRemaining(
            h -> Arrays.stream(h.split("[,\\s]+")).filter(v -> !v.isEmpty()).forEach(values::add));
    return values;
  }

  /** A message may carry UTF-8 percent-encoded, since header values are ISO-8859-1. */
  private static String decode(String message) {
    try {
      return URLDecoder.decode(message.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return message;
    }
  }
}
