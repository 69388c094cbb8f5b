package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.dgov.Http;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies are limited to {@code :maxRequestBytes} (1 MB in the repository's configuration)
 * as the server reads them: inflated when compressed, counted when chunked, forms included. The
 * server runs in a JVM of its own, so that a body that got through would show as its failure, not
 * the test's.
 */
class HostileBodiesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Inflates to 64 MB of spaces after a query: valid SPARQL, 64 times the limit. */
  private static byte[] bomb;

  @TempDir static Path dir;
  private static ServerProcess server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    TestProjects.copy(dir);
    server = ServerProcess.start(dir, dir.resolve("server.log"));
    base = server.base();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write("ASK {}".getBytes(StandardCharsets.UTF_8));
      byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 64; i++) {
        gzip.write(spaces);
      }
    }
    bomb = out.toByteArray();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void aCompressedQueryWithinTheLimitIsAnswered() throws Exception {
    assertEquals(200, send("application/sparql-query", "gzip", gzip("ASK {}"), false).statusCode());
    assertEquals(
        200, send("application/sparql-query", "deflate", deflate("ASK {}"), false).statusCode());
    HttpResponse<String> form =
        send("application/x-www-form-urlencoded", "gzip", gzip(form("ASK {}")), false);
    assertEquals(200, form.statusCode(), form.body());
  }

  @Test
  void aCompressedBodyIsLimitedAsInflated() throws Exception {
    assertTrue(bomb.length < 1 << 20, "the bomb is under the limit on the wire");
    assertEquals(413, send("application/sparql-query", "gzip", bomb, false).statusCode());
    assertEquals(413, send("application/sparql-query", "gzip", bomb, true).statusCode());
    assertEquals(200, ask(), "the server keeps serving");
  }

  @Test
  void severalBombsAtOnceAreAllRefused() throws Exception {
    List<CompletableFuture<Integer>> bombs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      boolean chunked = i % 2 == 0;
      bombs.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return send("application/sparql-query", "gzip", bomb, chunked).statusCode();
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    for (CompletableFuture<Integer> status : bombs) {
      assertEquals(413, status.get());
    }
    assertEquals(200, ask(), "the server keeps serving");
  }

  @Test
  void aChunkedFormIsLimitedAsRead() throws Exception {
    byte[] big = form("ASK {}" + " ".repeat(2 << 20)).getBytes(StandardCharsets.UTF_8);
    assertEquals(413, send("application/x-www-form-urlencoded", null, big, true).statusCode());
    assertEquals(200, ask(), "the server keeps serving");
  }

  @Test
  void anUnknownContentEncodingGets415() throws Exception {
    HttpResponse<String> refused =
        send("application/sparql-query", "br", "ASK {}".getBytes(StandardCharsets.UTF_8), false);
    assertEquals(415, refused.statusCode());
    assertEquals("gzip, deflate", refused.headers().firstValue("Accept-Encoding").orElse(""));
  }

  private static int ask() throws IOException, InterruptedException {
    return send("application/sparql-query", null, "ASK {}".getBytes(StandardCharsets.UTF_8), false)
        .statusCode();
  }

  private static String form(String query) {
    return "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] deflate(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream deflate = new DeflaterOutputStream(out)) {
      deflate.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /**
   * POSTs {@code body} to {@code /dgov/sparql} as {@code type}, encoded as {@code coding} (none if
   * null), chunked (no Content-Length) if asked.
   */
  private static HttpResponse<String> send(String type, String coding, byte[] body, boolean chunked)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return Http.send(
        Http.request(
                "POST",
                base + "/dgov/sparql",
                publisher,
                "Content-Type",
                type,
                "Accept",
                "application/sparql-results+json",
                "Content-Encoding",
                coding)
            .timeout(DEADLINE));
  }
}
