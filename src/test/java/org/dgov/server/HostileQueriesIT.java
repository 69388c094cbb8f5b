package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expensive and hostile queries end within the timeout plus 2 s, or are refused, as errors, and the
 * server keeps serving. The server under test runs the repository's configuration with a 2 s
 * timeout and room for two concurrent queries.
 */
class HostileQueriesIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final long TIMEOUT_MS = 2000;

  @TempDir static Path dir;
  private static FusekiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    TestProjects.copy(dir);
    Path config = dir.resolve("fuseki-config.ttl");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("ja:cxtValue \"10000\"", "ja:cxtValue \"" + TIMEOUT_MS + "\"")
            .replace(":maxConcurrentQueries 4", ":maxConcurrentQueries 2")
            .replace(":maxResultBytes 16777216", ":maxResultBytes 1048576"));
    server = DgovServer.start(org.dgov.graph.Project.at(dir), 0, true);
    base = "http://localhost:" + server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
        "SELECT ?a ?z WHERE { ?a (!<urn:x:none>)* ?z . ?c ?d ?e }",
        "DESCRIBE ?s WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o FILTER REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(a+)+$\") }",
        "SELECT * WHERE { BIND(REPLACE(\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"(x|x)*y\", \"\") AS ?r) }"
      })
  void endsInTimeOrIsRefusedAsAnError(String query) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = post(query);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsed < TIMEOUT_MS + 2000, "took " + elapsed + " ms: " + query);
    if (response.statusCode() == 200) {
      org.apache.jena.atlas.json.JSON.parseAny(response.body());
    } else {
      assertTrue(
          response.statusCode() >= 400,
          "a cut or refused result must be an error, got " + response.statusCode());
    }
    assertEquals(200, post("ASK { ?s ?p ?o }").statusCode(), "the server keeps serving");
  }

  @Test
  void extraQueriesGet503WhileTheCapIsFullAndNamedQueriesStillAnswer() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> bad = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      bad.add(
          CompletableFuture.supplyAsync(
              () ->
                  postUnchecked(
                      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")));
    }
    Thread.sleep(300);
    HttpResponse<String> extra = post("ASK { ?s ?p ?o }");
    assertEquals(503, extra.statusCode());
    assertTrue(extra.headers().firstValue("Retry-After").isPresent());
    long start = System.nanoTime();
    HttpResponse<String> vetted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/queries/list-g20-members-in-rcep"))
                .header("Accept", "application/sparql-results+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, vetted.statusCode());
    assertTrue(elapsed < 1000, "the vetted lane took " + elapsed + " ms");
    for (CompletableFuture<HttpResponse<String>> f : bad) {
      assertEquals(503, f.get().statusCode());
    }
  }

  @Test
  void aClientMayLowerTheTimeoutButNotRaiseIt() throws Exception {
    String cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    long start = System.nanoTime();
    HttpResponse<String> raised = getWithTimeout(cross, 60);
    assertTrue(
        (System.nanoTime() - start) / 1_000_000 < TIMEOUT_MS + 2000,
        "timeout=60 raised the server's timeout");
    assertEquals(503, raised.statusCode());
    start = System.nanoTime();
    getWithTimeout(cross, 1);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 1800, "timeout=1 was not honoured");
  }

  /** GET of {@code query} asking for a timeout of {@code seconds}. */
  private static HttpResponse<String> getWithTimeout(String query, int seconds)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/dgov/sparql?timeout="
                        + seconds
                        + "&query="
                        + java.net.URLEncoder.encode(
                            query, java.nio.charset.StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postUnchecked(String query) {
    try {
      return post(query);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(String query) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/dgov/sparql"))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "application/sparql-results+json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(query))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
