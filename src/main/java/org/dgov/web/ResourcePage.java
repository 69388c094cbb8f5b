package org.dgov.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.graph.History;
import org.dgov.vocab.DGOV;

/** The HTML page of one curated resource ({@code resource.jte}), prepared from its description. */
final class ResourcePage {

  private static final Set<Node> SHOWN_ELSEWHERE =
      Set.of(
          RDF.type.asNode(),
          RDFS.label.asNode(),
          SKOS.altLabel.asNode(),
          DGOV.evidence.asNode(),
          OWL.sameAs.asNode());

  /** What the page shows of one resource. */
  record Page(
      String title,
      View.Label label,
      String iri,
      List<View.Text> altLabels,
      List<View.Link> types,
      List<Property> properties,
      List<Property> incoming,
      List<Evidence> evidence,
      List<View.Value> sameAs,
      String queryHref,
      String slug,
      List<Change> history) {}

  /** One write that changed the resource: its version, patch, who, when and why. */
  record Change(long version, String patchHref, String user, String time, String message) {}

  /**
   * The values of one property: objects of the resource's statements, or subjects pointing at it.
   */
  record Property(View.Link predicate, List<View.Value> values) {}

  /** One evidence record: the paper's words and page, or the sources, and what it backs. */
  record Evidence(String quote, String page, List<View.Value> sources, List<View.Link> attests) {}

  private ResourcePage() {}

  static Page page(Graph g, Node resource, String slug, List<History.Entry> history) {
    return new Page(
        Labels.label(g, resource, "en").orElse(slug),
        Labels.of(g, resource),
        resource.getURI(),
        g.find(resource, SKOS.altLabel.asNode(), Node.ANY)
            .mapWith(t -> Labels.text(t.getObject()))
            .toList(),
        g.find(resource, RDF.type.asNode(), Node.ANY).toList().stream()
            .map(t -> Labels.link(g, t.getObject()))
            .sorted(
                Comparator.comparing(
                    View.Link::href, Comparator.nullsLast(Comparator.<String>naturalOrder())))
            .toList(),
        properties(g, resource),
        incoming(g, resource),
        evidence(g, resource),
        g.find(resource, OWL.sameAs.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
            .sorted(Comparator.comparing(Node::toString))
            .map(Labels::external)
            .toList(),
        "/editor?query="
            + URLEncoder.encode("DESCRIBE <" + resource.getURI() + ">", StandardCharsets.UTF_8),
        slug,
        history.stream()
            .map(
                e ->
                    new Change(
                        e.version(),
                        UrlLayout.SERVICE + "/changes/" + e.version(),
                        e.user(),
                        e.time().truncatedTo(ChronoUnit.SECONDS).toString(),
                        e.message()))
            .toList());
  }

  private static List<Property> properties(Graph g, Node resource) {
    Map<Node, List<Node>> byPredicate = group(g.find(resource, Node.ANY, Node.ANY).toList(), true);
    byPredicate.keySet().removeAll(SHOWN_ELSEWHERE);
    return byPredicate.entrySet().stream()
        .map(
            e ->
                new Property(
                    Labels.link(g, e.getKey()),
                    e.getValue().stream().map(v -> Labels.value(g, v)).toList()))
        .toList();
  }

  private static List<Property> incoming(Graph g, Node resource) {
    Map<Node, List<Node>> byPredicate = group(g.find(Node.ANY, Node.ANY, resource).toList(), false);
    byPredicate.keySet().remove(DGOV.attests.asNode());
    return byPredicate.entrySet().stream()
        .map(
            e ->
                new Property(
                    Labels.link(g, e.getKey()),
                    e.getValue().stream()
                        .filter(Node::isURI)
                        .<View.Value>map(s -> Labels.link(g, s))
                        .toList()))
        .toList();
  }

  private static List<Evidence> evidence(Graph g, Node resource) {
    return g
        .find(resource, DGOV.evidence.asNode(), Node.ANY)
        .mapWith(Triple::getObject)
        .toList()
        .stream()
        .sorted(Comparator.comparing(e -> value(g, e, DGOV.page.asNode())))
        .map(
            e ->
                new Evidence(
                    value(g, e, DGOV.quote.asNode()),
                    value(g, e, DGOV.page.asNode()),
                    g.find(e, DCTerms.source.asNode(), Node.ANY)
                        .mapWith(t -> Labels.external(t.getObject()))
                        .toList(),
                    g.find(e, DGOV.attests.asNode(), Node.ANY)
                        .mapWith(t -> Labels.link(g, t.getObject()))
                        .toList()))
        .toList();
  }

  private static Map<Node, List<Node>> group(List<Triple> triples, boolean objects) {
    Map<Node, List<Node>> grouped = new TreeMap<>(Comparator.comparing(Node::toString));
    for (Triple t : triples) {
      grouped
          .computeIfAbsent(t.getPredicate(), k -> new ArrayList<>())
          .add(objects ? t.getObject() : t.getSubject());
    }
    grouped.values().forEach(l -> l.sort(Comparator.comparing(Node::toString)));
    return grouped;
  }

  /** The text of a literal value, or the name of any other node, so that odd data still shows. */
  private static String value(Graph g, Node subject, Node predicate) {
    return g.find(subject, predicate, Node.ANY)
        .mapWith(Triple::getObject)
        .mapWith(o -> o.isLiteral() ? o.getLiteralLexicalForm() : o.toString())
        .nextOptional()
        .orElse("");
  }
}
