package org.dgov.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.vocab.DGOV;

/**
 * {@code /ontology}: the ontology as a reference page generated from itself (classes with their
 * hierarchy, properties with domain and range, definitions, labels in both languages; each term at
 * its own anchor), or as Turtle, RDF/XML, N-Triples or JSON-LD by {@code Accept} (with the media
 * types clients actually send, {@link RdfResponses#RDF_TYPES}) or at {@code /ontology.ttl}, {@code
 * .owl}, {@code .nt} and {@code .jsonld}; each with an {@code ETag}, {@code Last-Modified} (when
 * the server started, which is when the ontology was read) and links to the other representations
 * and the ontology's licence.
 */
public final class OntologyServlet extends HttpServlet {

  /** Where the page is, negotiated with the syntaxes; each syntax is also at its extension. */
  private static final String PAGE = "/ontology";

  /** What {@code /ontology} offers: the page at {@code /ontology} itself, each syntax by path. */
  private static final List<Representation> REPRESENTATIONS = Representation.all("owl");

  /** The paths the ontology is served at: negotiated, then one per syntax. */
  public static final List<String> PATHS =
      REPRESENTATIONS.stream().map(OntologyServlet::path).toList();

  private final Supplier<Graph> ontology;
  private final Instant started = Instant.now();
  private final Map<Representation, byte[]> bodies = new ConcurrentHashMap<>();

  /** Serves the ontology that {@code ontology} gives when first asked for. */
  public OntologyServlet(Supplier<Graph> ontology) {
    this.ontology = ontology;
  }

  /**
   * Where {@code representation} is served: the page at {@code /ontology}, a syntax by extension.
   */
  private static String path(Representation representation) {
    return representation.lang() == null ? PAGE : PAGE + "." + representation.extension();
  }

  /** {@code representation} of the ontology, made when first asked for. */
  private byte[] body(Representation representation) {
    return bodies.computeIfAbsent(
        representation,
        r ->
            r.lang() == null
                ? Html.render("ontology.jte", page(ontology.get())).getBytes(StandardCharsets.UTF_8)
                : RdfResponses.bytes(ontology.get(), r.lang()));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI();
    Representation representation;
    if (path.equals(PAGE)) {
      response.setHeader("Vary", "Accept");
      AcceptList offered = Representation.OFFERED;
      representation =
          Representation.negotiated(
              REPRESENTATIONS,
              ConNeg.chooseContentType(request, offered, offered.entries().get(0))
                  .getContentTypeStr());
    } else {
      Optional<Representation> named =
          REPRESENTATIONS.stream().filter(r -> path(r).equals(path)).findFirst();
      if (named.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      representation = named.get();
    }
    RdfResponses.send(
        request,
        response,
        representation.mediaType(),
        body(representation),
        started,
        REPRESENTATIONS.stream()
            .filter(r -> !path(r).equals(path))
            .map(r -> new RdfResponses.Alternate(path(r), r.mediaType()))
            .toList(),
        value(ontology.get(), DGOV.ontology.asNode(), DCTerms.license.asNode()));
  }

  /** The ontology's header and its terms by kind. */
  record Page(
      View.Label label,
      List<View.Text> descriptions,
      String iri,
      String version,
      String license,
      List<Term> classes,
      List<Term> properties,
      List<Term> statuses) {}

  /**
   * One term: its local name (the anchor), labels and definitions; for a class its super- and
   * subclasses, for a property its domain and range (empty where they do not apply).
   */
  record Term(
      String local,
      View.Label label,
      List<View.Text> definitions,
      List<View.Link> parents,
      List<View.Link> children,
      List<View.Link> domain,
      List<View.Link> range) {}

  private static Page page(Graph g) {
    Node onto = DGOV.ontology.asNode();
    List<Term> properties = new ArrayList<>();
    for (Node kind : List.of(OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
      terms(g, kind).forEach(term -> properties.add(term(g, term)));
    }
    return new Page(
        Labels.of(g, onto),
        g.find(onto, DCTerms.description.asNode(), Node.ANY)
            .mapWith(t -> Labels.text(t.getObject()))
            .toList(),
        onto.getURI(),
        value(g, onto, OWL.versionInfo.asNode()),
        value(g, onto, DCTerms.license.asNode()),
        terms(g, OWL.Class.asNode()).stream().map(term -> term(g, term)).toList(),
        properties,
        terms(g, DGOV.Status.asNode()).stream().map(term -> term(g, term)).toList());
  }

  private static Term term(Graph g, Node term) {
    return new Term(
        term.getURI().substring(DGOV.NS.length()),
        Labels.of(g, term),
        g.find(term, SKOS.definition.asNode(), Node.ANY)
            .mapWith(t -> Labels.text(t.getObject()))
            .toList(),
        links(g, g.find(term, RDFS.subClassOf.asNode(), Node.ANY).mapWith(t -> t.getObject())),
        links(g, g.find(Node.ANY, RDFS.subClassOf.asNode(), term).mapWith(t -> t.getSubject())),
        links(g, g.find(term, RDFS.domain.asNode(), Node.ANY).mapWith(t -> t.getObject())),
        links(g, g.find(term, RDFS.range.asNode(), Node.ANY).mapWith(t -> t.getObject())));
  }

  private static List<Node> terms(Graph g, Node type) {
    return g.find(Node.ANY, RDF.type.asNode(), type).mapWith(t -> t.getSubject()).toList().stream()
        .filter(n -> n.isURI() && n.getURI().startsWith(DGOV.NS))
        .sorted(Comparator.comparing(Node::getURI))
        .toList();
  }

  /** Links to {@code nodes}; a class expression (a blank node) is named as one. */
  private static List<View.Link> links(Graph g, ExtendedIterator<Node> nodes) {
    return nodes
        .mapWith(
            n ->
                n.isURI()
                    ? Labels.link(g, n)
                    : new View.Link(null, new View.Label(null, null, "(class expression)")))
        .toList();
  }

  private static String value(Graph g, Node s, Node p) {
    return g.find(s, p, Node.ANY)
        .mapWith(
            t ->
                t.getObject().isURI()
                    ? t.getObject().getURI()
                    : t.getObject().getLiteralLexicalForm())
        .nextOptional()
        .orElse("");
  }
}
