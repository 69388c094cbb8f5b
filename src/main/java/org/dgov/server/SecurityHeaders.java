package org.dgov.server;

import static org.dgov.web.UrlLayout.SERVICE;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Headers on every response: nothing loads from another host, nothing is sniffed or framed; and the
 * cross-origin policy (CORS). Reads are open to pages of any origin, without credentials ({@code
 * Access-Control-Allow-Origin: *}, never {@code Access-Control-Allow-Credentials}), so that browser
 * notebooks can query. Writes ({@code /dgov/update}, and {@code /dgov/data} and {@code
 * /dgov/changes} other than GET and HEAD) get no CORS headers at all, and a write that a page of
 * another origin sends (its {@code Origin} names another host) is refused with 403 before it is
 * authenticated: a browser that holds a curator's password sends it along even to a form posted by
 * another site, and CORS alone only hides the answer from that site, it does not stop the write.
 *
 * <p>TRACE is refused with 405 on every path, and Fuseki's {@code Fuseki-Request-Id}, a count of
 * the requests the process has answered, is not sent.
 *
 * <p>This replaces Fuseki's CORS filter ({@code FusekiServer.Builder.enableCors}), which has one
 * policy for every path and reflects the origin with credentials allowed.
 */
final class SecurityHeaders implements Filter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
          + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** The methods and request headers a page of another origin may use to read. */
  static final String READ_METHODS = "GET, HEAD, POST", READ_HEADERS = "Accept, Content-Type";

  /** The response headers, beyond the CORS-safelisted ones, that such a page may read. */
  static final String EXPOSED = "ETag, Link, Retry-After";

  private static final Set<String> READS = Set.of("GET", "HEAD");

  /**
   * Methods no route answers: TRACE (and Microsoft's TRACK) would echo the request, its credentials
   * included, back to whoever can make a client send it.
   */
  private static final Set<String> REFUSED = Set.of("TRACE", "TRACK");

  /**
   * Fuseki numbers the requests it answers in this header, from one counter for the process: any
   * client could read off how many requests others made.
   */
  static final String REQUEST_ID = "Fuseki-Request-Id";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = new WithoutRequestId((HttpServletResponse) res);
    res = response;
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (REFUSED.contains(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
      response.sendError(
          HttpServletResponse.SC_METHOD_NOT_ALLOWED, request.getMethod() + " is not answered here");
      return;
    }
    String origin = request.getHeader("Origin");
    String requested = request.getHeader("Access-Control-Request-Method");
    boolean preflight =
        request.getMethod().equals("OPTIONS") && origin != null && requested != null;
    if (writes(request.getRequestURI(), preflight ? requested : request.getMethod())) {
      if (origin != null && !preflight && !sameOrigin(origin, request.getHeader("Host"))) {
        PlainError.send(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "writes from pages of another origin are refused (Origin: "
                + origin
                + "); write from this server's own pages or from a client that sends no Origin"
                + " (curl, rdflib, SPARQLWrapper)");
        return;
      }
      chain.doFilter(req, res);
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", "*");
    if (preflight) {
      response.setHeader("Access-Control-Allow-Methods", READ_METHODS);
      response.setHeader("Access-Control-Allow-Headers", READ_HEADERS);
      response.setHeader("Access-Control-Max-Age", "1800");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setHeader("Access-Control-Expose-Headers", EXPOSED);
    chain.doFilter(req, res);
  }

  /** Whether {@code method} on {@code path} writes, or may. */
  private static boolean writes(String path, String method) {
    return path.equals(SERVICE + "/update")
        || (isUnder(path, SERVICE + "/data") || isUnder(path, SERVICE + "/changes"))
            && !READS.contains(method);
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /** Whether a request's {@code Origin} names the host and port it was sent to. */
  private static boolean sameOrigin(String origin, String host) {
    try {
      URI uri = new URI(origin);
      return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equals(host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The response without Fuseki's request counter ({@link #REQUEST_ID}). */
  private static final class WithoutRequestId extends HttpServletResponseWrapper {
    WithoutRequestId(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!name.equalsIgnoreCase(REQUEST_ID)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!name.equalsIgnoreCase(REQUEST_ID)) {
        super.addHeader(name, value);
      }
    }
  }
}
