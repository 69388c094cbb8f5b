package org.dgov.replica;

import static org.dgov.web.UrlLayout.SERVICE;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JsonObject;
import org.dgov.server.PlainError;

/**
 * What a replica serves beyond the read-only service: {@code /dgov/status} (version, records
 * behind, whether caught up, the primary, why it stopped applying, if it did), the refusal of every
 * write with 405 naming the primary, and, until it has caught up to the head it saw at start when
 * so configured, 503 with {@code Retry-After} for every other request.
 */
final class ReplicaEndpoints {

  /** Where a replica's status is served. */
  static final String STATUS = SERVICE + "/status";

  /** The paths of the primary's write endpoints. */
  private static final Set<String> WRITES =
      Set.of(SERVICE + "/update", SERVICE + "/data", SERVICE + "/changes");

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private ReplicaEndpoints() {}

  /** The status as JSON. */
  static JsonObject json(KafkaTopic topic, Follower.Status s) {
    JsonObject json = new JsonObject();
    json.put("role", "replica");
    json.put("topic", topic.toString());
    json.put("version", s.version());
    json.put("behind", s.behind());
    json.put("caughtUp", s.caughtUp());
    json.put("primary", s.primary());
    json.put("applying", s.stopped() == null);
    if (s.stopped() != null) {
      json.put("stopped", s.stopped());
    }
    return json;
  }

  static HttpServlet status(KafkaTopic topic, Supplier<Follower.Status> status) {
    return new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().write(json(topic, status.get()).toString());
      }
    };
  }

  /** Refuses writes, and while {@code waiting} says so, everything but the status. */
  static Filter guard(KafkaTopic topic, Supplier<Follower.Status> status, boolean waitForHead) {
    return new Filter() {
      @Override
      public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
          throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        Follower.Status s = status.get();
        if (isWrite(request.getMethod(), path)) {
          response.setHeader("Allow", "GET, HEAD, OPTIONS");
          PlainError.send(
              response,
              405,
              "this server is a read replica of "
                  + topic
                  + " and takes no writes: send them to the primary"
                  + (s.primary().isEmpty() ? "" : ", " + s.primary()));
        } else if (waitForHead && !s.caughtUp() && !path.equals(STATUS)) {
          response.setHeader("Retry-After", "1");
          PlainError.send(
              response,
              503,
              "this read replica is catching up with "
                  + topic
                  + ": at version "
                  + s.version()
                  + "; see "
                  + STATUS);
        } else {
          chain.doFilter(req, res);
        }
      }
    };
  }

  private static boolean isWrite(String method, String path) {
    return !READS.contains(method)
        && (WRITES.contains(path) || path.startsWith(SERVICE + "/changes/"));
  }
}
