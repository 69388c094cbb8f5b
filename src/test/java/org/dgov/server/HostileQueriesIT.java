package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dgov.Http;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.dgov.graph.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expensive and hostile queries are cut by the server's timeout or refused, as errors, and the
 * server keeps serving. The server under test runs the repository's configuration with a 2 s
 * timeout and room for two concurrent queries, in a JVM of its own (the timeout is JVM-global in
 * Fuseki). Nothing here measures speed: a query that the server failed to stop shows as a client
 * deadline far beyond the server's timeout.
 */
class HostileQueriesIT {

  private static final long TIMEOUT_MS = 2000;
  private static final String CROSS =
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

  /** Far beyond the server's timeout: a query still running then was not stopped. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static ServerProcess server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    configure(dir, TIMEOUT_MS);
    server = ServerProcess.start(dir, dir.resolve("server.log"));
    base = server.base();
  }

  /**
   * A copy of the repository in {@code dir} with a timeout of {@code timeoutMs}, two heavy slots (a
   * client may hold both, so that one client fills them) and 1 MB of results.
   */
  private static Project configure(Path dir, long timeoutMs) throws IOException {
    Project project = TestProjects.copy(dir);
    Path config = dir.resolve("fuseki-config.ttl");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("ja:cxtValue \"10000\"", "ja:cxtValue \"" + timeoutMs + "\"")
            .replace(":maxConcurrentQueries 4", ":maxConcurrentQueries 2")
            .replace(":maxHeavyQueriesPerClient 2", ":maxHeavyQueriesPerClient 3")
            .replace(":maxResultBytes 16777216", ":maxResultBytes 1048576"));
    return project;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
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
  void isStoppedOrRefusedAsAnError(String query) throws Exception {
    HttpResponse<String> response = post(query);
    if (response.statusCode() == 200) {
      org.apache.jena.atlas.json.JSON.parseAny(response.body());
    } else {
      assertTrue(
          response.statusCode() >= 400,
          "a cut or refused result must be an error, got " + response.statusCode());
    }
    assertEquals(200, post("ASK { ?s ?p ?o }").statusCode(), "the server keeps serving");
  }

  /**
   * A query that binds {@code ?v0} to "a" and each {@code ?v{i}}, for i up to {@code steps}, to
   * {@code function} with X standing for {@code ?v{i-1}}, and selects the length of the last.
   */
  private static String doubling(String function, int steps) {
    StringBuilder query =
        new StringBuilder("SELECT (STRLEN(?v" + steps + ") AS ?n) WHERE { BIND(\"a\" AS ?v0)");
    for (int i = 1; i <= steps; i++) {
      query
          .append(" BIND(")
          .append(function.replace("X", "?v" + (i - 1)))
          .append(" AS ?v" + i + ")");
    }
    return query.append(" }").toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CONCAT(X, X)",
        "CONCAT(X, X, X, X, X, X, X, X)",
        "REPLACE(X, \"a\", \"aa\")",
        "REPLACE(X, \"\", \"a\")",
        "UCASE(CONCAT(X, \"\u00df\", X))",
        "<http://www.w3.org/2005/xpath-functions#concat>(X, X)"
      })
  void aValueThatGrowsInsideOneRowEndsTheQueryWith400(String step) throws Exception {
    HttpResponse<String> grown = post(doubling(step, 40));
    assertEquals(400, grown.statusCode(), grown.body());
    assertTrue(grown.body().contains("grows past"), grown.body());
    assertEquals(200, post("ASK {}").statusCode(), "the server keeps serving");
  }

  /** 2^19 "%" are within the limit, and encoded three times as long: over it. */
  @Test
  void aFunctionThatMultipliesItsInputPastTheLimitEndsTheQueryWith400() throws Exception {
    String query = doubling("CONCAT(X, X)", 19).replace("\"a\"", "\"%\"");
    HttpResponse<String> within = post(query);
    assertEquals(200, within.statusCode(), within.body());
    HttpResponse<String> encoded =
        post(query.replace("STRLEN(?v19)", "STRLEN(ENCODE_FOR_URI(?v19))"));
    assertEquals(400, encoded.statusCode(), encoded.body());
    assertTrue(encoded.body().contains("grows past"), encoded.body());
  }

  /**
   * Each of {@code rows} rows builds 2^20 characters (2^19 in its last value), within the limit of
   * one value; 100 rows build 100 Mi in all.
   */
  private static String manyRows(int rows) {
    return doubling("CONCAT(X, X)", 19)
        .replace(
            "WHERE { ",
            "WHERE { VALUES ?i { "
                + String.join(" ", java.util.Collections.nCopies(rows, "1"))
                + " } ")
        .replace("\"a\" AS ?v0", "STR(?i) AS ?v0")
        .replace("(STRLEN(?v19) AS ?n)", "(COUNT(DISTINCT ?v19) AS ?n)");
  }

  @Test
  void valuesWithinTheLimitThatAddUpPastTheQuerysBudgetEndTheQueryWith400() throws Exception {
    HttpResponse<String> many = post(manyRows(100));
    assertEquals(400, many.statusCode(), many.body());
    assertTrue(many.body().contains("in all"), many.body());
    HttpResponse<String> few = post(manyRows(10));
    assertEquals(200, few.statusCode(), few.body());
  }

  @Test
  void aValueWithinTheLimitIsComputed() throws Exception {
    HttpResponse<String> small = post(doubling("CONCAT(X, X)", 10));
    assertEquals(200, small.statusCode(), small.body());
    assertTrue(small.body().contains("\"1024\""), small.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<http://jena.apache.org/ARQ/function#sprintf>(\"%0999999999d\", 1)",
        "<http://jena.apache.org/ARQ/function#wait>(100000)",
        "<java:org.apache.jena.sparql.function.library.sprintf>(\"%0999999999d\", 1)",
        "REGEX(\"aaa\", \"(a)\\\\1\")"
      })
  void unboundedFunctionsAndPatternsOutsideLinearTimeAreRefused(String expr) throws Exception {
    HttpResponse<String> refused = post("SELECT * WHERE { BIND(" + expr + " AS ?x) }");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(200, post("ASK {}").statusCode(), "the server keeps serving");
  }

  @Test
  void regexAndReplaceKeepTheirMeaning() throws Exception {
    HttpResponse<String> answer =
        post(
            "SELECT ?r ?m ?i ?q WHERE { BIND(REPLACE(\"2024-05-06\", \"(\\\\d+)-(\\\\d+)-(\\\\d+)\", \"$3/$2/$1 \\\\$\") AS ?r)"
                + " BIND(REGEX(\"Hello\", \"^hel\", \"i\") AS ?m)"
                + " BIND(<http://www.w3.org/2005/xpath-functions#matches>(\"abc\", \"B\") AS ?i)"
                + " BIND(REGEX(\"a.c\", \".\", \"q\") AS ?q) }");
    assertEquals(200, answer.statusCode(), answer.body());
    String body = answer.body().replaceAll("\\s", "");
    assertTrue(body.contains("\"value\":\"06/05/2024$\""), body);
    assertTrue(
        body.contains(
            "\"m\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#boolean\",\"value\":\"true\"}"),
        body);
    assertTrue(
        body.contains(
            "\"i\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#boolean\",\"value\":\"false\"}"),
        body);
  }

  @Test
  void strSplitKeepsItsMeaning() throws Exception {
    HttpResponse<String> answer =
        post(
            "PREFIX apf: <http://jena.apache.org/ARQ/property#>"
                + " SELECT ?part WHERE { ?part apf:strSplit (\"a, b ,c\" \",\") } ORDER BY ?part");
    assertEquals(200, answer.statusCode(), answer.body());
    String body = answer.body().replaceAll("\\s", "");
    assertTrue(
        body.contains("\"value\":\"a\"")
            && body.contains("\"value\":\"b\"")
            && body.contains("\"value\":\"c\""),
        body);
  }

  /**
   * {@code a*a*a*a*a*a*b} backtracks polynomially in Java's engine on a long run of "a", past any
   * timeout; in RE2/J it is one linear pass.
   */
  @Test
  void strSplitRunsInLinearTime() throws Exception {
    HttpResponse<String> split =
        post(
            "PREFIX apf: <http://jena.apache.org/ARQ/property#>"
                + " SELECT (COUNT(*) AS ?n) WHERE { ?part apf:strSplit (\""
                + "a".repeat(20_000)
                + "\" \"a*a*a*a*a*a*b\") }");
    assertEquals(200, split.statusCode(), split.body());
    assertTrue(split.body().replaceAll("\\s", "").contains("\"value\":\"1\""), split.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?x <java:org.apache.jena.sparql.pfunction.library.strSplit> (\"a,b\" \",\")",
        "?x <java:java.lang.Runtime> \"a\""
      })
  void javaPropertyFunctionsAreRefused(String pattern) throws Exception {
    HttpResponse<String> refused = post("SELECT * WHERE { " + pattern + " }");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("not allowed"), refused.body());
  }

  /**
   * {@code a*a*a*a*a*a*b} backtracks polynomially in Java's engine on a long run of "a"; four at
   * once, each on a string built in the query, must leave the lane answering.
   */
  @Test
  void polynomialBacktrackingDoesNotHoldTheLane() throws Exception {
    String query =
        "SELECT * WHERE { BIND(CONCAT(\"a\", \"a\") AS ?a1)"
            + " BIND(CONCAT(?a1, ?a1, ?a1, ?a1, ?a1, ?a1, ?a1, ?a1, ?a1, ?a1) AS ?a2)"
            + " BIND(CONCAT(?a2, ?a2, ?a2, ?a2, ?a2, ?a2, ?a2, ?a2, ?a2, ?a2) AS ?a3)"
            + " BIND(CONCAT(?a3, ?a3, ?a3, ?a3, ?a3, ?a3, ?a3, ?a3, ?a3, ?a3) AS ?a4)"
            + " FILTER(REGEX(?a4, \"a*a*a*a*a*a*b\") || REGEX(REPLACE(?a4, \"a*a*a*a*a*a*b\", \"\"), \"c\")) }";
    List<CompletableFuture<HttpResponse<String>>> attacks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attacks.add(CompletableFuture.supplyAsync(() -> postUnchecked(query)));
    }
    for (CompletableFuture<HttpResponse<String>> attack : attacks) {
      int status = attack.get().statusCode();
      assertTrue(status == 200 || status == 503, "status " + status);
    }
    HttpResponse<String> ask = post("ASK {}");
    assertEquals(200, ask.statusCode(), "the lane answers once the attacks are over");
  }

  @Test
  void aHeavyQueryPastTheFullSlotsGets503WhileCheapAndNamedQueriesStillAnswer() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
    HttpResponse<String> extra = null;
    // two heavy queries fill the two heavy slots; a third sent meanwhile must be refused
    while (extra == null || extra.statusCode() != 503) {
      heavy.removeIf(CompletableFuture::isDone);
      while (heavy.size() < 2) {
        heavy.add(CompletableFuture.supplyAsync(() -> postUnchecked(CROSS)));
      }
      extra = post(CROSS);
    }
    assertTrue(extra.headers().firstValue("Retry-After").isPresent());
    assertEquals(200, post("ASK { ?s ?p ?o }").statusCode(), "a cheap query is still answered");
    HttpResponse<String> vetted =
        Http.send(
            Http.request(
                    "GET",
                    base + "/queries/list-g20-members-in-rcep",
                    null,
                    "Accept",
                    "application/sparql-results+json")
                .timeout(DEADLINE));
    assertEquals(200, vetted.statusCode(), "the vetted lane answers while the ad-hoc lane is full");
    for (CompletableFuture<HttpResponse<String>> f : heavy) {
      assertEquals(503, f.get().statusCode(), "a cross product is cut by the timeout");
    }
  }

  @Test
  void aClientMayNotRaiseTheTimeout() throws Exception {
    HttpResponse<String> raised = getWithTimeout(base, CROSS, 600);
    assertEquals(503, raised.statusCode(), "timeout=600 raised the server's 2 s timeout");
  }

  @Test
  void aClientMayLowerTheTimeout(@TempDir Path patientDir) throws Exception {
    configure(patientDir, Duration.ofHours(1).toMillis());
    try (ServerProcess patient =
        ServerProcess.start(patientDir, patientDir.resolve("server.log"))) {
      HttpResponse<String> lowered = getWithTimeout(patient.base(), CROSS, 1);
      assertEquals(503, lowered.statusCode(), "timeout=1 was not honoured under a 1 h timeout");
    }
  }

  /** GET of {@code query} at {@code base} asking for a timeout of {@code seconds}. */
  private static HttpResponse<String> getWithTimeout(String base, String query, int seconds)
      throws IOException, InterruptedException {
    String url =
        base
            + "/dgov/sparql?timeout="
            + seconds
            + "&query="
            + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    return Http.send(Http.request("GET", url, null).timeout(DEADLINE));
  }

  private static HttpResponse<String> postUnchecked(String query) {
    try {
      return post(query);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(String query) throws IOException, InterruptedException {
    return Http.send(
        Http.postRequest(
                base + "/dgov/sparql",
                "application/sparql-query",
                query,
                "Accept",
                "application/sparql-results+json")
            .timeout(DEADLINE));
  }
}
