package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.dgov.Http;
import org.dgov.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gets a 4xx with a plain reason, never a 500 or an exception's name: an unknown charset
 * on any route of the service, and entries nested deeper than the parsers can follow.
 */
@ExtendWith(Shared.class)
class BadInputTest {

  private static String base;

  @BeforeAll
  static void start(Shared.Server server) {
    base = server.base();
  }

  private static HttpResponse<String> post(String path, String contentType, String body)
      throws Exception {
    return Http.post(base + path, contentType, body, "Accept", "application/json");
  }

  private static void assertPlain(HttpResponse<String> response) {
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("java."), response.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/dgov/sparql | application/sparql-query | ASK {}",
        "/dgov/sparql | application/x-www-form-urlencoded | query=ASK%7B%7D",
        "/dgov/update | application/sparql-update | INSERT DATA {}",
        "/dgov/data | text/turtle | <a:b> <a:c> <a:d> .",
        "/dgov/validate | text/turtle | <a:b> <a:c> <a:d> ."
      })
  void anUnknownCharsetIs415OnEveryRoute(String path, String type, String body) throws Exception {
    for (String charset : new String[] {"x-bogus", "no such charset"}) {
      HttpResponse<String> response = post(path, type + "; charset=" + charset, body);
      assertEquals(415, response.statusCode(), path + ": " + response.body());
      assertTrue(response.body().contains("send UTF-8"), response.body());
      assertPlain(response);
    }
  }

  @Test
  void deeplyNestedTurtleIs400NamingLineAndColumn() throws Exception {
    String turtle =
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<https://w3id.org/dgov/id/x>"
            + " rdfs:seeAlso "
            + "[<a:p>".repeat(100_000)
            + "<https://w3id.org/dgov/id/y>"
            + "]".repeat(100_000)
            + " .\n";
    HttpResponse<String> response = post("/dgov/validate", "text/turtle", turtle);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("more than 256 levels"), response.body());
    assertTrue(response.body().contains("\"line\" : 2"), response.body());
    assertPlain(response);
    String lists = "<https://w3id.org/dgov/id/x> <a:b> " + "(".repeat(100_000) + " .\n";
    assertEquals(400, post("/dgov/validate", "text/turtle", lists).statusCode());
  }

  @Test
  void deeplyNestedJsonLdIs400NamingLineAndColumn() throws Exception {
    String jsonld =
        "{\"@id\": \"https://w3id.org/dgov/id/x\",\n \"http://example.org/p\": "
            + "{\"a:p\":".repeat(100_000)
            + "1"
            + "}".repeat(100_000)
            + "}";
    HttpResponse<String> response = post("/dgov/validate", "application/ld+json", jsonld);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("more than 256 levels"), response.body());
    assertTrue(response.body().contains("\"line\" : 2"), response.body());
    assertPlain(response);
  }
}
