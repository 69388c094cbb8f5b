package org.dgov.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.riot.Lang;

/**
 * SPARQLWrapper names the format it wants in {@code format}, {@code output} and {@code results}
 * parameters, and for CONSTRUCT and DESCRIBE uses names Fuseki does not know ({@code rdf+xml},
 * {@code rdf}, {@code n3}), which Fuseki answers with 400. This filter gives Fuseki the media type
 * those names stand for; names Fuseki knows ({@code xml}, {@code json}, {@code turtle}, {@code
 * json-ld}, …) pass unchanged, since some mean different types for SELECT and CONSTRUCT.
 */
public final class FormatParameterFilter implements Filter {

  private static final List<String> PARAMETERS = List.of("output", "format", "results");

  /**
   * The names, lower-cased, with the media type Fuseki gets instead ({@code rdf xml} is {@code
   * rdf+xml} sent in a URL without escaping the plus). N3 is answered as Turtle, which is N3.
   */
  private static final Map<String, String> NAMES =
      Map.of(
          "rdf+xml", Lang.RDFXML.getHeaderString(),
          "rdf xml", Lang.RDFXML.getHeaderString(),
          "rdf", Lang.RDFXML.getHeaderString(),
          "n3", Lang.TURTLE.getHeaderString());

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    boolean named =
        PARAMETERS.stream()
            .map(request::getParameter)
            .anyMatch(v -> v != null && NAMES.containsKey(v.strip().toLowerCase(Locale.ROOT)));
    chain.doFilter(named ? new Renamed(request) : request, res);
  }

  /** The request with the names replaced by their media types. */
  private static final class Renamed extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    Renamed(HttpServletRequest request) {
      super(request);
      Map<String, String[]> renamed = new LinkedHashMap<>(request.getParameterMap());
      for (String name : PARAMETERS) {
        renamed.computeIfPresent(
            name,
            (n, values) ->
                Arrays.stream(values)
                    .map(v -> NAMES.getOrDefault(v.strip().toLowerCase(Locale.ROOT), v))
                    .toArray(String[]::new));
      }
      this.parameters = Collections.unmodifiableMap(renamed);
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }
  }
}
