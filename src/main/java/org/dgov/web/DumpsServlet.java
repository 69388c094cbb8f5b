package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * {@code /dumps/}: the asserted statements (ontology and curated data) as gzipped Turtle and
 * N-Triples, the graph as served (with the RDFS closure and what the rules derive) as gzipped
 * N-Triples, their SHA-256 checksums and the licence. Made once per version of the data, on the
 * first request that sees it, from the one read transaction that request is answered in, so the two
 * dumps are of the same version and VoID, which counts the same graphs, agrees with them.
 */
public final class DumpsServlet extends GraphServlet {

  /** The asserted statements, as the curated files (or the store, after writes) hold them. */
  static final String ASSERTED_TURTLE = "dgov.ttl.gz";

  /** The asserted statements, one triple a line. */
  static final String ASSERTED = "dgov.nt.gz";

  /** The graph as the SPARQL endpoint serves it: asserted and entailed statements. */
  static final String ENTAILED = "dgov-entailed.nt.gz";

  private static final String LICENSE =
      """
      dgov-kg data: Creative Commons Attribution 4.0 International (CC BY 4.0)
      https://creativecommons.org/licenses/by/4.0/

      Curated from the CAICT Global Digital Governance White Paper (2022).
      来源：中国信息通信研究院《全球数字治理白皮书（2022 年）》
      """;

  private record File(String type, byte[] bytes) {}

  private final LongSupplier version;
  private final Supplier<Graph> curated;
  private Map<String, File> files;
  private long madeAt = -1;

  /**
   * Serves dumps of the asserted graph that {@code curated} gives inside the request's read
   * transaction (a view of the store, not a copy) and of the graph served, made again when {@code
   * version} (the version the request's transaction sees) has moved on since they were made.
   */
  public DumpsServlet(LongSupplier version, Supplier<Graph> curated) {
    this.version = version;
    this.curated = curated;
  }

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph served)
      throws IOException {
    String name = request.getRequestURI().substring("/dumps/".length());
    Map<String, File> files = files(served);
    File file = files.get(name);
    if (name.isEmpty()) {
      Html.send(response, 200, "dumps.jte", List.copyOf(files.keySet()));
      return;
    }
    if (file == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(file.type());
    response.setContentLength(file.bytes().length);
    response.getOutputStream().write(file.bytes());
  }

  private synchronized Map<String, File> files(Graph served) {
    // the version is read before the graph, so the dumps are never older than the version kept
    long now = version.getAsLong();
    if (files == null || madeAt != now) {
      Graph curated = this.curated.get();
      Map<String, File> made = new LinkedHashMap<>();
      made.put(
          ASSERTED_TURTLE, new File("application/gzip", gzip(curated, RDFFormat.TURTLE_PRETTY)));
      made.put(ASSERTED, new File("application/gzip", gzip(curated, RDFFormat.NTRIPLES_UTF8)));
      made.put(ENTAILED, new File("application/gzip", gzip(served, RDFFormat.NTRIPLES_UTF8)));
      StringBuilder sums = new StringBuilder();
      made.forEach((n, f) -> sums.append(sha256(f.bytes())).append("  ").append(n).append('\n'));
      made.put(
          "SHA256SUMS",
          new File("text/plain; charset=utf-8", sums.toString().getBytes(StandardCharsets.UTF_8)));
      made.put(
          "LICENSE.txt",
          new File("text/plain; charset=utf-8", LICENSE.getBytes(StandardCharsets.UTF_8)));
      files = made;
      madeAt = now;
    }
    return files;
  }

  private static byte[] gzip(Graph graph, RDFFormat format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      RDFDataMgr.write(out, graph, format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
