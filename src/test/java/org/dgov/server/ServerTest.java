package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.dgov.Http;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.graph.ServedGraphCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The server as a SPARQL client sees it, on a free loopback port. */
@ExtendWith(Shared.class)
class ServerTest {

  private static String base;

  @BeforeAll
  static void start(Shared.Server server) {
    base = server.base();
  }

  @Test
  void answersTheCoverageQueryWithTheExpectedJson() throws Exception {
    NamedQuery coverage = NamedQuery.read(Path.of("queries/show-coverage-matrix.rq"));
    HttpResponse<byte[]> response =
        Http.sendForBytes(
            Http.request(
                "POST",
                base + "/dgov/sparql",
                HttpRequest.BodyPublishers.ofString(coverage.text()),
                "Content-Type",
                "application/sparql-query",
                "Accept",
                "application/sparql-results+json"));
    assertEquals(200, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/sparql-results+json"));
    ResultSetRewindable actual =
        ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON)
            .rewindable();
    ResultSetRewindable expected;
    try (InputStream in =
        Files.newInputStream(Path.of("src/test/resources/expected/show-coverage-matrix.tsv"))) {
      expected = ResultSetMgr.read(in, ResultSetLang.RS_TSV).rewindable();
    }
    assertTrue(
        ResultSetCompare.equalsByTermAndOrder(expected, actual),
        new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void answersGetInEveryResultFormat() throws Exception {
    String query =
        URLEncoder.encode(
            "SELECT ?s WHERE { ?s a <https://w3id.org/dgov/ontology#State> } LIMIT 1",
            StandardCharsets.UTF_8);
    for (String accept :
        new String[] {
          "application/sparql-results+json",
          "application/sparql-results+xml",
          "text/csv",
          "text/tab-separated-values"
        }) {
      HttpResponse<String> response = get("/dgov/sparql?query=" + query, accept);
      assertEquals(200, response.statusCode(), accept);
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith(accept), accept);
      assertTrue(response.body().contains("https://w3id.org/dgov/id/"), response.body());
    }
  }

  @Test
  void inferredTypesAreServed() throws Exception {
    HttpResponse<String> response =
        query(
            "ASK { <https://w3id.org/dgov/id/singapore> a <https://w3id.org/dgov/ontology#Actor> }",
            "application/sparql-results+json");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        ResultSetMgr.readBoolean(
            new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
            ResultSetLang.RS_JSON),
        response.body());
  }

  @Test
  void servesTheGraphStoreReadOnly() throws Exception {
    HttpResponse<String> read = get("/dgov/data?default", "text/turtle");
    assertEquals(200, read.statusCode());
    org.apache.jena.graph.Graph served =
        org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    org.apache.jena.riot.RDFParser.fromString(read.body(), org.apache.jena.riot.Lang.TURTLE)
        .parse(served);
    assertTrue(
        served.contains(
            org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/dgov/id/rcep"),
            org.apache.jena.graph.Node.ANY,
            org.apache.jena.graph.Node.ANY));
    HttpResponse<String> write =
        Http.send(
            "PUT",
            base + "/dgov/data?default",
            "<a:b> <a:c> <a:d> .",
            "Content-Type",
            "text/turtle");
    assertTrue(write.statusCode() >= 400, "a write was accepted: " + write.statusCode());
  }

  @Test
  void hasNoUpdateEndpoint() throws Exception {
    HttpResponse<String> response =
        Http.post(
            base + "/dgov/update",
            "application/sparql-update",
            "INSERT DATA { <a:b> <a:c> <a:d> }");
    assertEquals(404, response.statusCode());
  }

  @Test
  void oversizedBodiesGet413AndOverlongUrls414() throws Exception {
    String big = "#" + "x".repeat(1_100_000) + "\nASK {}";
    assertEquals(413, postDeclaring("/dgov/sparql", "application/sparql-query", big.length()));
    HttpResponse<String> chunked =
        Http.send(
            Http.request(
                "POST",
                base + "/dgov/sparql",
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))),
                "Content-Type",
                "application/sparql-query"));
    assertEquals(413, chunked.statusCode(), "a body without a declared length is cut at the limit");
    String longQuery =
        URLEncoder.encode(
            "ASK { FILTER(\"" + "a".repeat(9000) + "\" != \"\") }", StandardCharsets.UTF_8);
    assertEquals(
        414,
        get("/dgov/sparql?query=" + longQuery, "application/sparql-results+json").statusCode());
  }

  @Test
  void exposesNoAdminOrDatasetManagementEndpoints() throws Exception {
    for (String path :
        new String[] {
          "/$/datasets",
          "/$/server",
          "/$/stats",
          "/$/ping",
          "/$/metrics",
          "/$/tasks",
          "/$/backup/dgov",
          "/$/compact/dgov"
        }) {
      assertEquals(404, get(path, "application/json").statusCode(), path);
    }
  }

  @Test
  void scriptingIsOff() throws Exception {
    HttpResponse<String> response =
        query(
            "PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:print(1) AS ?x) {}",
            "application/sparql-results+json");
    assertTrue(!response.body().contains("\"value\""), "a script function ran: " + response.body());
  }

  @Test
  void refusesFederatedQuery() throws Exception {
    HttpResponse<String> response =
        query(
            "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
            "application/sparql-results+json");
    assertTrue(
        response.statusCode() >= 400,
        "SERVICE was allowed: " + response.statusCode() + " " + response.body());
  }

  @Test
  void validateEndpointReportsOnEntriesAndNeverChangesTheGraph() throws Exception {
    String countQuery =
        URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", StandardCharsets.UTF_8);
    String before = get("/dgov/sparql?query=" + countQuery, "text/csv").body();
    HttpResponse<String> valid =
        post(
            "/dgov/validate",
            "text/turtle",
            "application/json",
            Files.readString(Path.of("src/test/resources/shapes/agreement-valid.ttl")));
    assertEquals(200, valid.statusCode());
    assertTrue(valid.body().contains("\"conforms\" : true"), valid.body());
    HttpResponse<String> invalid =
        post(
            "/dgov/validate",
            "text/turtle",
            "application/json",
            Files.readString(
                Path.of("src/test/resources/shapes/agreement-invalid-party-not-actor.ttl")));
    assertEquals(200, invalid.statusCode());
    assertTrue(
        invalid.body().contains("\"conforms\" : false")
            && invalid.body().contains("dgov:hasParty must point at an actor"),
        invalid.body());
    HttpResponse<String> turtle =
        post(
            "/dgov/validate",
            "text/turtle",
            "text/turtle",
            Files.readString(
                Path.of("src/test/resources/shapes/agreement-invalid-party-not-actor.ttl")));
    assertTrue(turtle.body().contains("sh:ValidationReport"), turtle.body());
    assertEquals(
        before,
        get("/dgov/sparql?query=" + countQuery, "text/csv").body(),
        "validation changed the graph");
  }

  /** The endpoint refuses a duplicate as the command line does, naming the existing resource. */
  @Test
  void validateEndpointRefusesADuplicateNamingTheExistingResource() throws Exception {
    HttpResponse<String> response =
        post(
            "/dgov/validate",
            "text/turtle",
            "application/json",
            Files.readString(
                Path.of("src/test/resources/shapes/label-invalid-english-already-used.ttl")));
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.body().contains("\"conforms\" : false")
            && response
                .body()
                .contains(
                    "is already the label of dgr:rcep (\\\"Regional Comprehensive Economic"
                        + " Partnership\\\", data/mechanisms.ttl:"),
        response.body());
  }

  @Test
  void validateEndpointAcceptsJsonLd() throws Exception {
    String jsonld =
        "{\"@id\": \"https://w3id.org/dgov/id/x\", \"@type\": \"https://w3id.org/dgov/ontology#Forum\"}";
    HttpResponse<String> response =
        post("/dgov/validate", "application/ld+json", "application/json", jsonld);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("needs evidence"), response.body());
  }

  @Test
  void validateEndpointRejectsBadInput() throws Exception {
    HttpResponse<String> syntax =
        post(
            "/dgov/validate",
            "text/turtle",
            "application/json",
            "@prefix dgr: <https://w3id.org/dgov/id/> .\ndgr:x a ;\n");
    assertEquals(400, syntax.statusCode());
    assertTrue(syntax.body().contains("\"line\" : 2"), syntax.body());
    assertEquals(415, post("/dgov/validate", "text/plain", "application/json", "x").statusCode());
    assertEquals(413, postDeclaring("/dgov/validate", "text/turtle", 1_100_000));
  }

  @Test
  void doesNotStartOnNonConformingData(@TempDir Path dir) throws IOException {
    Project project = TestProjects.copy(dir);
    Files.writeString(
        dir.resolve("data/broken.ttl"),
        "@prefix dgov: <https://w3id.org/dgov/ontology#> .\n@prefix dgr: <https://w3id.org/dgov/id/> .\n"
            + "dgr:rcep dgov:hasParty dgr:connectivity .\n");
    NonConformingData e =
        assertThrows(NonConformingData.class, () -> DgovServer.start(project, 0, true));
    assertTrue(
        e.report().findings().stream()
            .anyMatch(f -> f.message().contains("dgov:hasParty must point at an actor")),
        e.report().findings().toString());
  }

  @Test
  void aKeptGraphNeverCoversChangedFiles(@TempDir Path dir) throws Exception {
    Project project = TestProjects.copy(dir);
    DgovServer.start(project, 0, true).stop();
    ServedGraphCache cache = ServedGraphCache.of(project);
    assertTrue(
        cache.served(cache.key(project).orElseThrow()).isPresent(), "a conforming start is kept");
    Files.writeString(
        dir.resolve("data/broken.ttl"),
        "@prefix dgov: <https://w3id.org/dgov/ontology#> .\n@prefix dgr: <https://w3id.org/dgov/id/> .\n"
            + "dgr:rcep dgov:hasParty dgr:connectivity .\n");
    assertThrows(NonConformingData.class, () -> DgovServer.start(project, 0, true));
  }

  @Test
  void anErrorThatMentionsATimeoutIsNoTimeout() throws Exception {
    HttpResponse<String> response =
        query("ASK { timeout:x ?p ?o }", "application/sparql-results+json");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Retry-After").isEmpty());
    assertTrue(response.body().contains("timeout"), response.body());
  }

  @Test
  void serviceIsRefusedUnlessTheServerFederates() throws Exception {
    HttpResponse<String> response =
        query(
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "application/sparql-results+json");
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(
        response.body().contains("start the server with `serve --federate`"), response.body());
  }

  /**
   * The status of a POST that declares a body of {@code length} bytes and sends none: a server that
   * checks the declared length before reading answers at once (and the test never races a body
   * against a closing connection).
   */
  private static int postDeclaring(String path, String contentType, long length)
      throws IOException {
    URI uri = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  /** GET of {@code sparql} at the query endpoint. */
  private static HttpResponse<String> query(String sparql, String accept)
      throws IOException, InterruptedException {
    return get("/dgov/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), accept);
  }

  private static HttpResponse<String> post(
      String path, String contentType, String accept, String body)
      throws IOException, InterruptedException {
    return Http.post(base + path, contentType, body, "Accept", accept);
  }

  private static HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    return Http.get(base + path, "Accept", accept);
  }
}
