package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes: authenticated, validated inside the transaction, rolled back with a report, durable. */
class WritableServerIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PREFIXES =
      "PREFIX dgov: <https://w3id.org/dgov/ontology#> PREFIX dgr: <https://w3id.org/dgov/id/> "
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";

  @TempDir static Path dir;
  private static FusekiServer server;
  private static String base;
  private static String alice;

  @BeforeAll
  static void start() throws Exception {
    server = TestProjects.writableServer(dir);
    base = "http://localhost:" + server.getHttpPort();
    alice = TestProjects.AUTHORIZATION;
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void anonymousAndWrongCredentialsGet401AndChangeNothing() throws Exception {
    String update = PREFIXES + "INSERT DATA { dgr:rcep skos:editorialNote \"anonymous\"@en }";
    assertEquals(401, update(update, null).statusCode());
    String wrong =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:guess".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, update(update, wrong).statusCode());
    assertEquals(
        401,
        send("PUT", "/dgov/data?default", "text/turtle", "<a:b> <a:c> <a:d> .", null).statusCode());
    assertFalse(ask("dgr:rcep skos:editorialNote \"anonymous\"@en"));
  }

  @Test
  void aConformingWriteIsCommitted() throws Exception {
    HttpResponse<String> response =
        update(PREFIXES + "INSERT DATA { dgr:rcep skos:editorialNote \"accepted\"@en }", alice);
    assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
    assertTrue(ask("dgr:rcep skos:editorialNote \"accepted\"@en"));
    assertTrue(ask("dgr:singapore a dgov:Actor"), "the RDFS closure is still served");
  }

  @Test
  void aNonConformingWriteIsRolledBackAndAnswered422WithTheReport() throws Exception {
    HttpResponse<String> response =
        update(
            PREFIXES
                + "INSERT DATA { dgr:rcep skos:editorialNote \"half\"@en . dgr:rcep dgov:hasParty dgr:connectivity }",
            alice);
    assertEquals(422, response.statusCode());
    assertTrue(response.body().contains("dgov:hasParty must point at an actor"), response.body());
    assertFalse(ask("dgr:rcep dgov:hasParty dgr:connectivity"));
    assertFalse(
        ask("dgr:rcep skos:editorialNote \"half\"@en"), "the whole transaction is rolled back");
    HttpResponse<String> gsp =
        send(
            "POST",
            "/dgov/data?default",
            "text/turtle",
            "<https://w3id.org/dgov/id/x-forum> a <https://w3id.org/dgov/ontology#Forum> .",
            alice);
    assertEquals(422, gsp.statusCode());
    assertTrue(gsp.body().contains("needs exactly one English label"), gsp.body());
  }

  @Test
  void namedQueryResultsFollowCommittedWrites() throws Exception {
    String before = send("GET", "/queries/count-resources-by-class", null, null, null).body();
    assertTrue(before.contains("<table>"), before);
    String entry = Files.readString(Path.of("src/test/resources/shapes/agreement-valid.ttl"));
    HttpResponse<String> write = send("POST", "/dgov/data?default", "text/turtle", entry, alice);
    assertTrue(write.statusCode() / 100 == 2, write.statusCode() + " " + write.body());
    String after = send("GET", "/queries/count-resources-by-class", null, null, null).body();
    assertFalse(before.equals(after), "the cached results did not follow the write");
    assertTrue(
        ask(
            "GRAPH <https://w3id.org/dgov/graph/entailed> { dgr:test-agreement a dgov:Instrument }"),
        "the entailment follows the write");
  }

  @Test
  void loadIsRefused() throws Exception {
    Path secret = dir.resolve("secret.ttl");
    Files.writeString(
        secret,
        "<https://w3id.org/dgov/id/secret> <http://www.w3.org/2000/01/rdf-schema#comment> \"leaked\" .");
    HttpResponse<String> response = update("LOAD <" + secret.toUri() + ">", alice);
    assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
    assertFalse(ask("<https://w3id.org/dgov/id/secret> ?p ?o"));
  }

  @Test
  void readsNeedNoCredentials() throws Exception {
    assertTrue(ask("dgr:rcep a dgov:Agreement"));
    assertEquals(200, send("GET", "/dgov/data?default", null, null, null).statusCode());
  }

  private static boolean ask(String pattern) throws IOException, InterruptedException {
    String query = URLEncoder.encode(PREFIXES + "ASK { " + pattern + " }", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/dgov/sparql?query=" + query))
                .header("Accept", "application/sparql-results+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), "the ASK itself failed: " + response.body());
    return ResultSetMgr.readBoolean(
        new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON);
  }

  private static HttpResponse<String> update(String update, String authorization)
      throws IOException, InterruptedException {
    return send("POST", "/dgov/update", "application/sparql-update", update, authorization);
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
