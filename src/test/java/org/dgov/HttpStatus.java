package org.dgov;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

/** What the tests ask of an HTTP answer's status. */
public final class HttpStatus {

  private HttpStatus() {}

  /** Whether {@code status} says the request succeeded (2xx). */
  public static boolean succeeded(int status) {
    return status >= 200 && status < 300;
  }

  /** Asserts that {@code response} succeeded (2xx); the message gives its status and body. */
  public static void assertSucceeded(HttpResponse<String> response) {
    assertTrue(succeeded(response.statusCode()), response.statusCode() + " " + response.body());
  }
}
