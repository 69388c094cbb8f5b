package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.Http;
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

  private static final String OTHER = "https://notebook.example";

  @TempDir static Path dir;
  private static FusekiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = TestProjects.writableServer(dir);
    base = Http.base(server);
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
        HttpResponse<String> response = Http.get(base + path, "Origin", origin);
        assertEquals(200, response.statusCode(), path + " " + response.body());
        assertEquals(Optional.of("*"), allowOrigin(response), path + " from " + origin);
        assertTrue(allowCredentials(response).isEmpty(), path + " from " + origin);
      }
    }
  }

  @Test
  void aPreflightForAReadAllowsItWithoutCredentialsOrAuthorization() throws Exception {
    HttpResponse<String> response =
        Http.send(
            "OPTIONS",
            base + "/dgov/sparql",
            null,
            "Origin",
            OTHER,
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
        Http.send(
            "OPTIONS",
            base + "/dgov/update",
            null,
            "Origin",
            OTHER,
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
          Http.send(
              write[0],
              base + write[1],
              write[3],
              "Origin",
              OTHER,
              "Authorization",
              TestProjects.AUTHORIZATION,
              "Content-Type",
              write[2]);
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
          Http.post(
              base + "/dgov/update",
              "application/sparql-update",
              "INSERT DATA {}",
              "Origin",
              origin,
              "Authorization",
              TestProjects.AUTHORIZATION);
      assertEquals(200, response.statusCode() / 100 * 100, origin + " " + response.body());
      assertTrue(allowOrigin(response).isEmpty(), "no CORS on writes");
    }
  }

  private static Optional<String> allowOrigin(HttpResponse<?> response) {
    return response.headers().firstValue("Access-Control-Allow-Origin");
  }

  private static Optional<String> allowCredentials(HttpResponse<?> response) {
    return response.headers().firstValue("Access-Control-Allow-Credentials");
  }
}
