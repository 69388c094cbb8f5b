package org.dgov.web;

import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.riot.Lang;

/**
 * One representation of a document that is served as an HTML page and in the RDF syntaxes the
 * server writes ({@link LinkedDataServlet}, {@link OntologyServlet}): the extension it is served
 * at, its media type, and its syntax (null for the page).
 */
record Representation(String extension, String mediaType, Lang lang) {

  /** The media types such a document answers {@code Accept} with: the page's first. */
  static final AcceptList OFFERED = RdfResponses.offered("text/html", "application/xhtml+xml");

  /**
   * The page, then Turtle, JSON-LD, N-Triples and RDF/XML, the last at {@code rdfXml}: a resource's
   * is {@code .rdf}, an ontology's is published as {@code .owl}.
   */
  static List<Representation> all(String rdfXml) {
    return List.of(
        new Representation("html", "text/html", null),
        new Representation("ttl", Lang.TURTLE.getHeaderString(), Lang.TURTLE),
        new Representation("jsonld", Lang.JSONLD.getHeaderString(), Lang.JSONLD),
        new Representation("nt", Lang.NTRIPLES.getHeaderString(), Lang.NTRIPLES),
        new Representation(rdfXml, Lang.RDFXML.getHeaderString(), Lang.RDFXML));
  }

  /** The one of {@code all} that {@code mediaType}, negotiated from {@link #OFFERED}, asks for. */
  static Representation negotiated(List<Representation> all, String mediaType) {
    Optional<Lang> lang = RdfResponses.lang(mediaType);
    return all.stream()
        .filter(r -> lang.isPresent() ? r.lang() == lang.get() : r.lang() == null)
        .findFirst()
        .orElseThrow();
  }

  /** The one of {@code all} served at {@code extension}, if any. */
  static Optional<Representation> at(List<Representation> all, String extension) {
    return all.stream().filter(r -> r.extension().equals(extension)).findFirst();
  }
}
