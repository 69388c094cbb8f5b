package org.dgov.web;

import java.util.Optional;
import org.apache.jena.graph.Node;
import org.dgov.vocab.DGOV;

/**
 * The one place that maps the dataset's IRIs to the server's paths: {@code
 * https://w3id.org/dgov/id/x} is served at {@code /id/x} (303) and described at {@code /doc/x};
 * ontology terms at {@code /ontology#Term}. Links are written relative to the server root, so the
 * same build serves correctly behind any host name.
 */
public final class UrlLayout {

  /** The service name in {@code fuseki-config.ttl}: SPARQL, data and validation under it. */
  public static final String SERVICE = "/dgov";

  /**
   * The servlet context attribute holding the configured public base URL ({@code
   * https://example.org}, no final slash) that absolute IRIs in served documents start with.
   */
  public static final String BASE_URL_ATTRIBUTE = "org.dgov.baseUrl";

  private UrlLayout() {}

  /**
   * {@code url} as a public base URL: an http(s) URL of a host, with a port and a path if need be,
   * without a final slash, query or fragment; {@code what} names where it was given, for the error.
   */
  public static String baseUrl(String url, String what) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    java.net.URI uri;
    try {
      uri = new java.net.URI(base);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getQuery() != null
        || uri.getFragment() != null
        || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          what
              + ": '"
              + url
              + "' is not a public base URL: give http(s)://host[:port][/path], such as"
              + " https://dgov.example.org");
    }
    return base;
  }

  /** The slug of a curated resource, if {@code iri} is one. */
  public static Optional<String> slug(String iri) {
    if (iri.startsWith(DGOV.ID)) {
      String slug = iri.substring(DGOV.ID.length());
      if (DGOV.SLUG.matcher(slug).matches()) {
        return Optional.of(slug);
      }
    }
    return Optional.empty();
  }

  /** The IRI of the curated resource named {@code slug}. */
  public static String iri(String slug) {
    return DGOV.ID + slug;
  }

  public static String docPath(String slug) {
    return "/doc/" + slug;
  }

  /** The document of {@code slug} in the representation {@code extension} names ({@code ttl}). */
  public static String docPath(String slug, String extension) {
    return docPath(slug) + "." + extension;
  }

  /**
   * Where a browser on this server should go for {@code node}: a local page, or the IRI itself if
   * it is an http(s) IRI; null for any other node, which is shown as text (a {@code javascript:}
   * IRI in the data must not become a link).
   */
  public static String href(Node node) {
    if (!node.isURI()) {
      return null;
    }
    String iri = node.getURI();
    Optional<String> slug = slug(iri);
    if (slug.isPresent()) {
      return docPath(slug.get());
    }
    if (iri.startsWith(DGOV.NS)) {
      return "/ontology#" + iri.substring(DGOV.NS.length());
    }
    if (iri.equals(DGOV.ontology.getURI())) {
      return "/ontology";
    }
    return iri.startsWith("https://") || iri.startsWith("http://") ? iri : null;
  }
}
