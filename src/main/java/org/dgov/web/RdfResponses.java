package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;

/**
 * The RDF syntaxes the server writes and the media types clients ask for them by; documents sent
 * with the validators ({@code ETag}, {@code Last-Modified}) that let clients cache them and the
 * {@code Link} headers that name their other representations.
 */
final class RdfResponses {

  /**
   * The media types that ask for RDF: each syntax's own first (the order {@code *}{@code /*}
   * chooses by), then the ones clients send for the same syntaxes — rdflib asks for N-Triples as
   * {@code text/plain}, JSON-LD also as {@code application/json}, Turtle also as {@code
   * application/x-turtle}; SPARQLWrapper and rapper ask for N3 (answered with Turtle, which is N3).
   */
  static final List<String> RDF_TYPES =
      List.of(
          WebContent.contentTypeTurtle,
          WebContent.contentTypeJSONLD,
          WebContent.contentTypeNTriples,
          WebContent.contentTypeRDFXML,
          WebContent.contentTypeNTriplesAlt,
          WebContent.contentTypeJSON,
          WebContent.contentTypeN3,
          WebContent.contentTypeN3Alt1,
          WebContent.contentTypeN3Alt2,
          WebContent.contentTypeTurtleAlt1,
          "application/x-turtle");

  private static final AcceptList OFFERED = AcceptList.create(RDF_TYPES.toArray(String[]::new));

  private RdfResponses() {}

  /** {@code first} (the page's own types, such as HTML), then every type that asks for RDF. */
  static AcceptList offered(String... first) {
    return AcceptList.create(
        Stream.concat(Arrays.stream(first), RDF_TYPES.stream()).toArray(String[]::new));
  }

  /** The syntax {@code mediaType} (one of {@link #RDF_TYPES}) asks for; empty for any other. */
  static Optional<Lang> lang(String mediaType) {
    if (!RDF_TYPES.contains(mediaType)) {
      return Optional.empty();
    }
    Lang lang =
        switch (mediaType) {
          case WebContent.contentTypeJSON -> Lang.JSONLD;
          case "application/x-turtle" -> Lang.TURTLE;
          default -> RDFLanguages.contentTypeToLang(mediaType);
        };
    return Optional.of(RDFLanguages.sameLang(lang, Lang.N3) ? Lang.TURTLE : lang);
  }

  /** How the server writes {@code lang}, one of Turtle, JSON-LD, N-Triples and RDF/XML. */
  static RDFFormat format(Lang lang) {
    if (RDFLanguages.sameLang(lang, Lang.JSONLD)) {
      return RDFFormat.JSONLD11_PRETTY;
    }
    if (RDFLanguages.sameLang(lang, Lang.NTRIPLES)) {
      return RDFFormat.NTRIPLES_UTF8;
    }
    if (RDFLanguages.sameLang(lang, Lang.RDFXML)) {
      return RDFFormat.RDFXML_PRETTY;
    }
    return RDFFormat.TURTLE_PRETTY;
  }

  /** {@code graph} written as {@code lang}. */
  static byte[] bytes(Graph graph, Lang lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, format(lang));
    return out.toByteArray();
  }

  /**
   * The server's public base URL, from which every absolute IRI of a served document is made: the
   * one configured ({@link UrlLayout#BASE_URL_ATTRIBUTE}), else {@code http://localhost:PORT} with
   * the port the request came in on. Never from the request's {@code Host} header, which the client
   * chooses.
   */
  static String base(HttpServletRequest request) {
    Object configured = request.getServletContext().getAttribute(UrlLayout.BASE_URL_ATTRIBUTE);
    return configured != null
        ? configured.toString()
        : "http://localhost:" + request.getLocalPort();
  }

  /** Writes {@code graph} in the syntax the client accepts, Turtle by default. */
  static void write(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    String type =
        ConNeg.chooseContentType(request, OFFERED, OFFERED.entries().get(0)).getContentTypeStr();
    Lang lang = lang(type).orElseThrow();
    response.setStatus(200);
    response.setHeader("Vary", "Accept");
    response.setContentType(lang.getHeaderString() + "; charset=utf-8");
    RDFDataMgr.write(response.getOutputStream(), graph, format(lang));
  }

  /** One representation of a document: where it is and its media type. */
  record Alternate(String path, String mediaType) {}

  /**
   * Sends {@code body} as the representation {@code contentType} of a document last changed at
   * {@code modified}, with a strong {@code ETag} (a digest of the body, so it changes with the data
   * version and the representation), {@code Last-Modified}, a {@code Link} to each of {@code
   * alternates} and to {@code license} (if given); a client whose copy is current ({@code
   * If-None-Match}, or else {@code If-Modified-Since}) gets 304 without the body.
   */
  static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      String contentType,
      byte[] body,
      Instant modified,
      List<Alternate> alternates,
      String license)
      throws IOException {
    String etag = '"' + digest(body) + '"';
    long lastModified = modified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    response.setHeader("ETag", etag);
    response.setDateHeader("Last-Modified", lastModified);
    List<String> links = new ArrayList<>();
    alternates.forEach(
        a -> links.add("<" + a.path() + ">; rel=\"alternate\"; type=\"" + a.mediaType() + "\""));
    if (license != null && !license.isEmpty()) {
      links.add("<" + license + ">; rel=\"license\"");
    }
    if (!links.isEmpty()) {
      response.setHeader("Link", String.join(", ", links));
    }
    if (current(request, etag, lastModified)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(200);
    response.setContentType(contentType + "; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Whether the client's copy is current (RFC 9110 §13.2.2: If-None-Match wins when present). */
  private static boolean current(HttpServletRequest request, String etag, long lastModified) {
    String match = request.getHeader("If-None-Match");
    if (match != null) {
      return Arrays.stream(match.split(","))
          .map(String::strip)
          .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
          .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
    try {
      long since = request.getDateHeader("If-Modified-Since");
      return since >= 0 && lastModified <= since;
    } catch (IllegalArgumentException unparseable) {
      return false; // RFC 9110 §13.1.3: an invalid date is ignored
    }
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
