package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-origin requests on a writable server: pages of any origin may read, without credentials; no
 * page of another origin may write, with or without the curator's password.
 */
class CorsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String OTHER = "https://notebook.example";

  @TempDir static Path dir;
  private static FusekiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = TestProjects.writableServer(dir);
    base = "http://localhost:" + server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void readsAreOpenToAnyOriginWithoutCredentials() throws Exception {
    String ask = "/dgov/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
    for (String path : new String[] {ask, "/dgov/data", "/doc/rcep", "/"}) {
      for (String origin : new String[] {OTHER, null}) {
        HttpResponse<String> response = send("GET", path, origin, null, null);
        assertEquals(200, response.statusCode(), path + " " + response.body());
        assertEquals(Optional.of("*"), allowOrigin(response), path + " from " + origin);
        assertTrue(allowCredentials(response).isEmpty(), path + " from " + origin);
      }
    }
  }

  @Test
  void aPreflightForAReadAllowsItWithoutCredentialsOrAuthorization() throws Exception {
    HttpResponse<String> response =
        send(
            "OPTIONS",
            "/dgov/sparql",
            OTHER,
            null,
            null,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type");
    assertEquals(204, response.statusCode());
    assertEquals(Optional.of("*"), allowOrigin(response));
    assertTrue(
        response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    assertFalse(
        response
            .headers()
            .firstValue("Access-Control-Allow-Headers")
            .orElse("")
            .toLowerCase()
            .contains("authorization"));
    assertTrue(allowCredentials(response).isEmpty());
  }

  @Test
  void aPreflightForAnUpdateWithAuthorizationIsNotAllowed() throws Exception {
    HttpResponse<String> response =
        send(
            "OPTIONS",
            "/dgov/update",
            OTHER,
            null,
            null,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");
    assertTrue(allowOrigin(response).isEmpty(), response.headers().toString());
    assertTrue(allowCredentials(response).isEmpty());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Headers").isEmpty());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").isEmpty());
  }

  @Test
  void aWriteFromAPageOfAnotherOriginIsRefusedEvenWithThePassword() throws Exception {
    String[][] writes = {
      {"POST", "/dgov/update", "application/sparql-update", "INSERT DATA {}"},
      {"PUT", "/dgov/data", "text/turtle", ""},
      {"POST", "/dgov/changes/1/revert", null, null}
    };
    for (String[] write : writes) {
      HttpResponse<String> response =
          send(write[0], write[1], OTHER, write[3], TestProjects.AUTHORIZATION, ctype(write[2]));
      assertEquals(403, response.statusCode(), write[1] + " " + response.body());
      assertTrue(response.body().contains("another origin"), response.body());
      assertTrue(allowOrigin(response).isEmpty(), write[1]);
      assertTrue(allowCredentials(response).isEmpty(), write[1]);
    }
  }

  @Test
  void aWriteFromTheServersOwnPagesOrAClientWithoutOriginIsAnswered() throws Exception {
    for (String origin : new String[] {base, null}) {
      HttpResponse<String> response =
          send(
              "POST",
              "/dgov/update",
              origin,
              "INSERT DATA {}",
              TestProjects.AUTHORIZATION,
              ctype("application/sparql-update"));
      assertEquals(200, response.statusCode() / 100 * 100, origin + " " + response.body());
      assertTrue(allowOrigin(response).isEmpty(), "no CORS on writes");
    }
  }

  private static String[] ctype(String type) {
    return type == null ? new String[0] : new String[] {"Content-Type", type};
  }

  private static Optional<String> allowOrigin(HttpResponse<?> response) {
    return response.headers().firstValue("Access-Control-Allow-Origin");
  }

  private static Optional<String> allowCredentials(HttpResponse<?> response) {
    return response.headers().firstValue("Access-Control-Allow-Credentials");
  }

  /** A request with {@code headers} given as name, value, name, value… */
  private static HttpResponse<String> send(
      String method,
      String path,
      String origin,
      String body,
      String authorization,
      String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
