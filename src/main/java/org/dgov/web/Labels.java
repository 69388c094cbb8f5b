package org.dgov.web;

import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;

/** Labels as people read them: English and Chinese side by side, the IRI where there is none. */
final class Labels {

  private Labels() {}

  static Optional<String> label(Graph graph, Node node, String lang) {
    return graph.find(node, RDFS.label.asNode(), Node.ANY).toList().stream()
        .map(t -> t.getObject())
        .filter(o -> o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang))
        .map(Node::getLiteralLexicalForm)
        .findFirst();
  }

  /** The label in both languages, each part marked with its language for the switch. */
  static View.Label of(Graph graph, Node node) {
    return new View.Label(
        label(graph, node, "en").orElse(null),
        label(graph, node, "zh").orElse(null),
        shortName(graph, node));
  }

  /** A link to {@code node}, shown by its labels. */
  static View.Link link(Graph graph, Node node) {
    return new View.Link(UrlLayout.href(node), of(graph, node));
  }

  /** A literal as text, with its language shown for the switch. */
  static View.Text text(Node literal) {
    return new View.Text(literal.getLiteralLexicalForm(), literal.getLiteralLanguage());
  }

  /**
   * A link to another dataset ({@code owl:sameAs}, {@code dcterms:source}), shown by its IRI; a
   * value that is not an http(s) IRI (a literal, {@code javascript:…}) is shown as text, never
   * linked.
   */
  static View.Value external(Node node) {
    String href = UrlLayout.href(node);
    String shown =
        node.isURI()
            ? node.getURI()
            : node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    return href == null
        ? new View.Text(shown, "")
        : new View.Link(href, new View.Label(null, null, shown));
  }

  /** A literal as text, anything else as a link. */
  static View.Value value(Graph graph, Node node) {
    return node.isLiteral() ? text(node) : link(graph, node);
  }

  /** A prefixed name where a prefix fits, else the IRI. */
  static String shortName(Graph graph, Node node) {
    if (!node.isURI()) {
      return node.toString();
    }
    String prefixed = graph.getPrefixMapping().qnameFor(node.getURI());
    return prefixed != null ? prefixed : node.getURI();
  }
}
