package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSONP and {@code stylesheet=} are refused while off, and passed on to Fuseki once turned on. */
class ResultWrappingTest {

  /** A request with {@code parameters}; every other method answers null. */
  private static HttpServletRequest request(Map<String, String> parameters) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ResultWrappingTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getParameter") ? parameters.get((String) args[0]) : null);
  }

  /** A response that records the statuses sent as errors. */
  private static HttpServletResponse response(List<Integer> errors) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            ResultWrappingTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("sendError")) {
                errors.add((Integer) args[0]);
              }
              return null;
            });
  }

  private static List<Integer> errorsOf(ResultWrapping filter, Map<String, String> parameters)
      throws Exception {
    List<Integer> errors = new ArrayList<>();
    List<Boolean> passed = new ArrayList<>();
    filter.doFilter(request(parameters), response(errors), (req, res) -> passed.add(true));
    assertEquals(errors.isEmpty(), !passed.isEmpty(), "either refused or passed on, not both");
    return errors;
  }

  @Test
  void offTheyAreRefusedWith400() throws Exception {
    ResultWrapping off = new ResultWrapping(false, false);
    assertEquals(List.of(400), errorsOf(off, Map.of("callback", "f")));
    assertEquals(List.of(400), errorsOf(off, Map.of("stylesheet", "/x.xsl")));
    assertTrue(errorsOf(off, Map.of("query", "ASK{}")).isEmpty());
  }

  @Test
  void turnedOnTheyArePassedOn() throws Exception {
    assertTrue(errorsOf(new ResultWrapping(true, false), Map.of("callback", "f")).isEmpty());
    assertEquals(
        List.of(400), errorsOf(new ResultWrapping(true, false), Map.of("stylesheet", "/x.xsl")));
    assertTrue(errorsOf(new ResultWrapping(false, true), Map.of("stylesheet", "/x.xsl")).isEmpty());
  }
}
