package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A body sent with {@code Content-Encoding: gzip} or {@code deflate} is inflated here and the
 * inflated bytes are counted: past the configured size the request gets 413 as soon as the stream
 * passes the limit, so that 1 MB on the wire cannot become 1 GB inside; the rest of the server sees
 * the body as sent uncompressed. Bodies as sent are held to the same size before they get here, by
 * {@link BufferedBodies}, which alone decides that limit. Fuseki accepts compressed bodies, so
 * refusing them would break clients that compress uploads; other codings get 415. Form bodies are
 * parsed here, from the inflated body where it was compressed, not by Jetty, which sees only the
 * bytes as sent. URLs over the configured length get 414. A Content-Type naming a charset Java does
 * not know gets 415.
 */
final class RequestLimits implements Filter {

  /** The content codings that are inflated here; identity is none. */
  private static final Set<String> CODINGS = Set.of("identity", "gzip", "x-gzip", "deflate");

  private final long maxBytes;
  private final int maxUrlLength;

  RequestLimits(long maxBytes, int maxUrlLength) {
    this.maxBytes = maxBytes;
    this.maxUrlLength = maxUrlLength;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String query = request.getQueryString();
    if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1)
        > maxUrlLength) {
      response.sendError(
          414, "the URL is longer than " + maxUrlLength + " characters: POST the query instead");
      return;
    }
    String coding = request.getHeader("Content-Encoding");
    if (coding != null && !CODINGS.contains(coding.trim().toLowerCase(Locale.ROOT))) {
      response.setHeader("Accept-Encoding", "gzip, deflate");
      response.sendError(
          415,
          "the request body is encoded as \""
              + coding
              + "\": send it uncompressed, or with Content-Encoding gzip or deflate");
      return;
    }
    String charset = unsupportedCharset(request);
    if (charset != null) {
      response.sendError(
          415,
          "the Content-Type names the charset \""
              + charset
              + "\", which this server does not know: send UTF-8");
      return;
    }
    try {
      chain.doFilter(new Limited(request, response, maxBytes), res);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!causedByLimit(e)) {
        throw e;
      }
      if (!response.isCommitted()) { // else 413 was sent as the limit was passed
        response.reset();
        tooLarge(response, maxBytes);
      }
    }
  }

  /** The charset the request's Content-Type names if Java has no such charset, else null. */
  private static String unsupportedCharset(HttpServletRequest request) {
    String charset;
    try {
      charset = request.getCharacterEncoding();
    } catch (RuntimeException e) {
      return String.valueOf(request.getContentType());
    }
    if (charset == null) {
      return null;
    }
    try {
      return Charset.isSupported(charset) ? null : charset;
    } catch (IllegalArgumentException e) { // an illegal charset name
      return charset;
    }
  }

  private static boolean causedByLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  private static void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
    response.setHeader("Connection", "close");
    response.sendError(
        413, "the request body is larger than the limit of " + maxBytes + " bytes once inflated");
  }

  /** Thrown when an inflated body passes the limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("request body over the limit");
    }
  }

  /**
   * The request as the rest of the server reads it: its body inflated and counted when compressed,
   * and form parameters parsed from that body.
   */
  private static final class Limited extends HttpServletRequestWrapper {
    private final HttpServletResponse response;
    private final long maxBytes;
    private final String coding;
    private ServletInputStream stream;
    private Map<String, String[]> parameters;

    Limited(HttpServletRequest request, HttpServletResponse response, long maxBytes) {
      super(request);
      this.response = response;
      this.maxBytes = maxBytes;
      String declared = request.getHeader("Content-Encoding");
      this.coding = declared == null ? "identity" : declared.trim().toLowerCase(Locale.ROOT);
    }

    private boolean compressed() {
      return !coding.equals("identity");
    }

    /** Answers 413 at once, before whoever reads the body turns the failure into another error. */
    private TooLarge overLimit() throws IOException {
      if (!response.isCommitted()) {
        tooLarge(response, maxBytes);
      }
      return new TooLarge();
    }

    @Override
    public String getHeader(String name) {
      return compressed() && hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return compressed() && hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      if (!compressed()) {
        return super.getHeaderNames();
      }
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(RequestLimits::hidden);
      return Collections.enumeration(names);
    }

    @Override
    public int getContentLength() {
      return compressed() ? -1 : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
      return compressed() ? -1 : super.getContentLengthLong();
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String charset = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters().get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters().get(name);
    }

    /** The parameters of the query string and, for a form, of the body read through the limit. */
    private Map<String, String[]> parameters() {
      if (parameters == null) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        decode(getQueryString(), found);
        String type = getContentType();
        if (type != null
            && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          try {
            decode(new String(getInputStream().readAllBytes(), StandardCharsets.UTF_8), found);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        Map<String, String[]> map = new LinkedHashMap<>();
        found.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(map);
      }
      return parameters;
    }

    /**
     * Adds the parameters of {@code encoded} ({@code a=1&b=2}, UTF-8 percent-encoded) to {@code
     * found}.
     */
    private static void decode(String encoded, Map<String, List<String>> found) {
      if (encoded == null || encoded.isEmpty()) {
        return;
      }
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          found
              .computeIfAbsent(
                  URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
              .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // a malformed escape: the pair is dropped
        }
      }
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (!compressed()) {
        return super.getInputStream();
      }
      if (stream == null) {
        ServletInputStream raw = super.getInputStream();
        InputStream in =
            coding.equals("deflate") ? new InflaterInputStream(raw) : new GZIPInputStream(raw);
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++read > maxBytes) {
                  throw overLimit();
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int off, int len) throws IOException {
                int n = in.read(buffer, off, (int) Math.min(len, maxBytes + 1 - read));
                if (n > 0 && (read += n) > maxBytes) {
                  throw overLimit();
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return raw.isFinished();
              }

              @Override
              public boolean isReady() {
                return raw.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                raw.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }

  /** The headers that describe the body as sent, hidden once it is inflated. */
  private static boolean hidden(String name) {
    return name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("Content-Length");
  }
}
