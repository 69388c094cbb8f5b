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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dgov.graph.ReportFormats;
import org.dgov.store.Refusal;
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
 * <p>Wrong passwords are slowed without holding a thread: after {@value #FAILURES_ALLOWED} wrong
 * user names or passwords from one remote address within {@link #FAILURE_WINDOW} (counted as they
 * arrive, so that many sent at once count as well), that address is answered 429 with {@code
 * Retry-After} until the window ends, before any password is checked.
 */
final class WriteGuard implements Filter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  /** Fuseki 5.6 answers this client error with 500; it is a 400 (SPARQL 1.1 Protocol 2.2.3). */
  private static final String PROTOCOL_CONFLICT =
      "Protocol using-graph-uri or using-named-graph-uri present";

  /** The request header whose value goes into the history as the write's message. */
  static final String MESSAGE_HEADER = "Dgov-Message";

  /** Wrong credentials one remote address may send within {@link #FAILURE_WINDOW}. */
  static final int FAILURES_ALLOWED = 10;

  /** How long wrong credentials count against their address, from the first of them. */
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

  /** Addresses kept before those whose window has ended are forgotten. */
  private static final int ADDRESSES_KEPT = 1024;

  private final Users users;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** How many credentials not found right an address sent since {@code since}. */
  private record Failures(Instant since, int count) {
    boolean over(Instant now) {
      return now.isAfter(since.plus(FAILURE_WINDOW));
    }
  }

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
    String address = request.getRemoteAddr();
    String authorization = request.getHeader("Authorization");
    Instant now = Instant.now();
    Failures attempts = authorization == null ? null : attempt(address, now);
    if (attempts != null && attempts.count() > FAILURES_ALLOWED) {
      long wait =
          Math.max(1, Duration.between(now, attempts.since().plus(FAILURE_WINDOW)).toSeconds());
      response.setHeader("Retry-After", String.valueOf(wait));
      response.sendError(
          429,
          "too many wrong user names or passwords from "
              + address
              + ": try again in "
              + wait
              + " s");
      return;
    }
    if (!users.verifyBasic(authorization)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"dgov-kg\", charset=\"UTF-8\"");
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "writes need a user name and password");
      return;
    }
    failures.remove(address);
    Set<Node> deletions = new LinkedHashSet<>();
    for (String name : headerValues(request, ValidatingDataset.DELETE_HEADER)) {
      String iri =
          name.startsWith("<") && name.endsWith(">") ? name.substring(1, name.length() - 1) : name;
      if (!iri.startsWith("https://") && !iri.startsWith("http://")) {
        byte[] reason =
            (ValidatingDataset.DELETE_HEADER + ": '" + name + "' is not the IRI of an entry\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(reason.length);
        response.getOutputStream().write(reason);
        return;
      }
      deletions.add(NodeFactory.createURI(iri));
    }
    String message = request.getHeader(MESSAGE_HEADER);
    String user = user(request.getHeader("Authorization"));
    writing.set(new WriteRequest(user, message == null ? "" : decode(message.strip()), deletions));
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
        body = (refusal.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.status());
        response.setContentType("text/plain; charset=utf-8");
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

  /**
   * Counts an attempt with credentials from {@code address} before they are checked (so that many
   * at once count too; a success forgets them), forgetting windows that ended if there are many.
   */
  private Failures attempt(String address, Instant now) {
    if (failures.size() >= ADDRESSES_KEPT) {
      failures.values().removeIf(f -> f.over(now));
    }
    return failures.merge(
        address,
        new Failures(now, 1),
        (known, first) -> known.over(now) ? first : new Failures(known.since(), known.count() + 1));
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

  /** The user name of a Basic {@code Authorization} header already verified. */
  private static String user(String header) {
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    return decoded.substring(0, decoded.indexOf(':'));
  }
}
