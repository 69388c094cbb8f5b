package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who the client of a request is, with and without a trusted proxy in front. */
class ClientAddressTest {

  private static final ClientAddress BEHIND_PROXY = new ClientAddress(Set.of("10.0.0.5", "::1"));

  /** A request from {@code remote} with {@code headers} (name to values). */
  private static HttpServletRequest request(String remote, Map<String, List<String>> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ClientAddressTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> remote;
                  case "getHeaders" ->
                      Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aForwardedAddressCountsOnlyFromATrustedProxy() {
    Map<String, List<String>> spoofed = Map.of("X-Forwarded-For", List.of("192.0.2.7"));
    assertEquals("198.51.100.1", BEHIND_PROXY.of(request("198.51.100.1", spoofed)));
    assertEquals("192.0.2.7", BEHIND_PROXY.of(request("10.0.0.5", spoofed)));
  }

  @Test
  void theNearestHopThatIsNoTrustedProxyIsTheClient() {
    Map<String, List<String>> chain =
        Map.of("X-Forwarded-For", List.of("203.0.113.9, 192.0.2.7", "10.0.0.5"));
    assertEquals("192.0.2.7", BEHIND_PROXY.of(request("10.0.0.5", chain)));
  }

  @Test
  void forwardedIsReadAsRfc7239WritesIt() {
    Map<String, List<String>> forwarded =
        Map.of(
            "Forwarded", List.of("for=203.0.113.9;proto=https, for=\"[2001:db8::1]:4711\""),
            "X-Forwarded-For", List.of("192.0.2.99"));
    assertEquals("2001:db8:0:0:0:0:0:1", BEHIND_PROXY.of(request("0:0:0:0:0:0:0:1", forwarded)));
  }

  @Test
  void aHopThatIsNoAddressCountsAsTheProxyItself() {
    Map<String, List<String>> garbage = Map.of("X-Forwarded-For", List.of("example.org"));
    assertEquals("10.0.0.5", BEHIND_PROXY.of(request("10.0.0.5", garbage)));
    assertNull(ClientAddress.canonical("beef"), "a name is never looked up");
  }
}
