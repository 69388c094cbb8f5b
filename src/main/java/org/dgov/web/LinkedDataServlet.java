package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.RDF;
import org.dgov.graph.History;
import org.dgov.graph.Similarity;

/**
 * Dereferenceable resources: {@code /id/{slug}} answers 303 to {@code /doc/{slug}}, which serves
 * the description as HTML, Turtle, JSON-LD, N-Triples or RDF/XML by {@code Accept}, or by extension
 * ({@code /doc/{slug}.ttl}). Unknown slugs get 404 with the closest known ones; a slug longer than
 * {@value #MAX_SLUG} characters, which no resource has, gets a plain 404 without suggestions, so
 * that the work per request stays bounded however long the path.
 */
public final class LinkedDataServlet extends GraphServlet {

  /** The longest slug looked up or suggested for. */
  static final int MAX_SLUG = 200;

  /** How many known slugs a 404 suggests. */
  private static final int SUGGESTIONS = 5;

  /** What {@code /doc/} offers, by extension, first the default for browsers. */
  private static final Map<String, Offer> OFFERS =
      Map.of(
          "html", new Offer("text/html", null),
          "ttl", new Offer("text/turtle", RDFFormat.TURTLE_PRETTY),
          "jsonld", new Offer("application/ld+json", RDFFormat.JSONLD11_PRETTY),
          "nt", new Offer("application/n-triples", RDFFormat.NTRIPLES_UTF8),
          "rdf", new Offer("application/rdf+xml", RDFFormat.RDFXML_PRETTY));

  private static final AcceptList OFFERED =
      AcceptList.create(
          "text/html",
          "application/xhtml+xml",
          "text/turtle",
          "application/ld+json",
          "application/n-triples",
          "application/rdf+xml");

  private record Offer(String mediaType, RDFFormat format) {}

  @Override
  protected void serve(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    String path = request.getRequestURI();
    if (path.startsWith("/id/")) {
      String slug = path.substring("/id/".length());
      if (!exists(graph, slug)) {
        notFound(graph, response, slug);
        return;
      }
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", UrlLayout.docPath(slug));
      response.setHeader("Vary", "Accept");
      return;
    }
    String rest = path.substring("/doc/".length());
    int dot = rest.lastIndexOf('.');
    String slug = dot < 0 ? rest : rest.substring(0, dot);
    if (!exists(graph, slug)) {
      notFound(graph, response, slug);
      return;
    }
    Offer offer;
    if (dot >= 0) {
      offer = OFFERS.get(rest.substring(dot + 1));
      if (offer == null) {
        notFound(graph, response, rest);
        return;
      }
    } else {
      response.setHeader("Vary", "Accept");
      String accept = request.getHeader("Accept");
      Optional<Offer> negotiated =
          Optional.ofNullable(
                  accept == null || accept.isBlank()
                      ? OFFERED.entries().get(0)
                      : ConNeg.match(accept, OFFERED))
              .map(m -> offerFor(m.getContentTypeStr()));
      if (negotiated.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, "offered: " + OFFERED);
        return;
      }
      offer = negotiated.get();
    }
    Node resource = NodeFactory.createURI(UrlLayout.iri(slug));
    Graph description = Description.of(graph, resource);
    if (offer.format() == null) {
      Graph history = History.in(dataset(getServletContext()));
      Html.send(
          response,
          200,
          "resource.jte",
          ResourcePage.page(description, resource, slug, History.about(history, resource)));
      return;
    }
    response.setStatus(200);
    response.setContentType(offer.mediaType() + "; charset=utf-8");
    if (offer.format() == RDFFormat.JSONLD11_PRETTY) {
      JsonLdContext.write(
          description, RdfResponses.base(request) + JsonLdContext.PATH, response.getOutputStream());
    } else {
      RDFDataMgr.write(response.getOutputStream(), description, offer.format());
    }
  }

  private static Offer offerFor(String mediaType) {
    String type = mediaType.equals("application/xhtml+xml") ? "text/html" : mediaType;
    return OFFERS.values().stream()
        .filter(o -> o.mediaType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static boolean exists(Graph graph, String slug) {
    return UrlLayout.slug(UrlLayout.iri(slug)).isPresent()
        && graph.contains(NodeFactory.createURI(UrlLayout.iri(slug)), RDF.type.asNode(), Node.ANY);
  }

  /**
   * 404 for {@code slug}: with the known slugs within a third of its length in edits (at least 2),
   * closest first, each found with a distance bounded by that limit.
   */
  private static void notFound(Graph graph, HttpServletResponse response, String slug)
      throws IOException {
    if (slug.length() > MAX_SLUG) {
      response.sendError(
          HttpServletResponse.SC_NOT_FOUND,
          "no resource has a slug of "
              + slug.length()
              + " characters: slugs are at most "
              + MAX_SLUG);
      return;
    }
    int max = Math.max(2, slug.length() / 3);
    record Scored(String slug, int distance) {}
    List<String> close =
        graph
            .find(Node.ANY, RDF.type.asNode(), Node.ANY)
            .mapWith(t -> t.getSubject())
            .toSet()
            .stream()
            .filter(Node::isURI)
            .map(n -> UrlLayout.slug(n.getURI()))
            .flatMap(Optional::stream)
            .map(s -> new Scored(s, Similarity.distance(s, slug, max)))
            .filter(s -> s.distance() <= max)
            .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::slug))
            .limit(SUGGESTIONS)
            .map(Scored::slug)
            .toList();
    List<Close> links =
        close.stream()
            .map(s -> new Close(Labels.link(graph, NodeFactory.createURI(UrlLayout.iri(s))), s))
            .toList();
    Html.send(response, 404, "notFound.jte", new Missing(slug, links));
  }

  /** A slug the dataset does not have, and the closest ones it has. */
  record Missing(String slug, List<Close> close) {}

  /** A known resource close to the one asked for. */
  record Close(View.Link link, String slug) {}
}
