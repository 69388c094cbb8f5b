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

/**
 * What a public endpoint does not offer: TRACE, JSONP and client-chosen stylesheets, and a request
 * counter in every response.
 */
@ExtendWith(Shared.class)
class MethodsTest {

  private static final String ASK = "/dgov/sparql?query=ASK%7B%7D";
  private static String base;

  @BeforeAll
  static void start(Shared.Server server) {
    base = server.base();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return Http.send(method, base + path, null, "X-Secret", "curator-token");
  }

  @Test
  void traceIsRefusedWith405AndEchoesNothing() throws Exception {
    for (String path : new String[] {"/doc/rcep", "/dgov/sparql", "/"}) {
      HttpResponse<String> response = send("TRACE", path);
      assertEquals(405, response.statusCode(), path);
      assertFalse(response.body().contains("curator-token"), response.body());
      assertTrue(response.headers().firstValue("Allow").isPresent(), path);
    }
  }

  @Test
  void aJsonpCallbackIsRefusedWithTheReason() throws Exception {
    HttpResponse<String> response = send("GET", ASK + "&callback=steal");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("JSONP"), response.body());
    assertFalse(response.body().startsWith("steal("), response.body());
  }

  @Test
  void aClientChosenStylesheetIsRefused() throws Exception {
    HttpResponse<String> response =
        send("GET", ASK + "&stylesheet=http%3A%2F%2Fevil.example%2Fx.xsl");
    assertEquals(400, response.statusCode());
    assertFalse(response.body().contains("xml-stylesheet"), response.body());
  }

  @Test
  void noResponseCarriesFusekisRequestCounter() throws Exception {
    for (String path : new String[] {ASK, ASK, "/doc/rcep", "/dgov/data"}) {
      HttpResponse<String> response = send("GET", path);
      assertEquals(200, response.statusCode(), path);
      assertTrue(
          response.headers().firstValue(SecurityHeaders.REQUEST_ID).isEmpty(),
          path + ": " + response.headers().map());
    }
  }

  @Test
  void aPlainQueryIsStillAnswered() throws Exception {
    HttpResponse<String> response = send("GET", ASK);
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("true"), response.body());
  }
}
