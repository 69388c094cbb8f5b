package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDF;
import org.dgov.graph.History;
import org.dgov.graph.Similarity;

/**
 * Dereferenceable resources: {@code /id/{slug}} answers 303 to {@code /doc/{slug}}, which serves
 * the description as HTML, Turtle, JSON-LD, N-Triples or RDF/XML by {@code Accept} (with the media
 * types clients actually send for them, {@link RdfResponses#RDF_TYPES}), or by extension ({@code
 * /doc/{slug}.ttl}); each with an {@code ETag}, {@code Last-Modified} (the data's latest write, or
 * when the server started), and links to the other representations and the dataset's licence.
 * Unknown slugs get 404 with the closest known ones; a slug longer than {@value #MAX_SLUG}
 * characters, which no resource has, gets a plain 404 without suggestions, so that the work per
 * request stays bounded however long the path.
 */
public final class LinkedDataServlet extends GraphServlet {

  /** The longest slug looked up or suggested for. */
  static final int MAX_SLUG = 200;

  /** How many known slugs a 404 suggests. */
  private static final int SUGGESTIONS = 5;

  /** What {@code /doc/} offers, by extension. */
  private static final List<Representation> REPRESENTATIONS = Representation.all("rdf");

  private final Instant started = Instant.now();

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
    Optional<Representation> chosen;
    if (dot >= 0) {
      String extension = rest.substring(dot + 1);
      chosen = Representation.at(REPRESENTATIONS, extension);
      if (chosen.isEmpty()) {
        notFound(graph, response, rest);
        return;
      }
    } else {
      response.setHeader("Vary", "Accept");
      String accept = request.getHeader("Accept");
      AcceptList offered = Representation.OFFERED;
      chosen =
          Optional.ofNullable(
                  accept == null || accept.isBlank()
                      ? offered.entries().get(0)
                      : ConNeg.match(accept, offered))
              .map(m -> Representation.negotiated(REPRESENTATIONS, m.getContentTypeStr()));
      if (chosen.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, "offered: " + offered);
        return;
      }
    }
    Representation representation = chosen.get();
    Node resource = NodeFactory.createURI(UrlLayout.iri(slug));
    String document = RdfResponses.base(request) + UrlLayout.docPath(slug);
    Graph description = Description.of(graph, resource, NodeFactory.createURI(document));
    Graph history = History.in(dataset(getServletContext()));
    byte[] body;
    if (representation.lang() == null) {
      body =
          Html.render(
                  "resource.jte",
                  ResourcePage.page(description, resource, slug, History.about(history, resource)))
              .getBytes(StandardCharsets.UTF_8);
    } else if (representation.lang() == Lang.JSONLD) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonLdContext.write(description, RdfResponses.base(request) + JsonLdContext.PATH, out);
      body = out.toByteArray();
    } else {
      body = RdfResponses.bytes(description, representation.lang());
    }
    RdfResponses.send(
        request,
        response,
        representation.mediaType(),
        body,
        History.entry(history, History.version(history)).map(History.Entry::time).orElse(started),
        REPRESENTATIONS.stream()
            .filter(r -> !UrlLayout.docPath(slug, r.extension()).equals(path))
            .map(
                r ->
                    new RdfResponses.Alternate(
                        UrlLayout.docPath(slug, r.extension()), r.mediaType()))
            .toList(),
        Description.license(graph).map(Node::getURI).orElse(null));
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
