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

  /** The label in both languages as HTML, each part marked with its language for the switch. */
  static String html(Graph graph, Node node) {
    Optional<String> en = label(graph, node, "en");
    Optional<String> zh = label(graph, node, "zh");
    if (en.isEmpty() && zh.isEmpty()) {
      return Html.esc(shortName(graph, node));
    }
    StringBuilder out = new StringBuilder();
    en.ifPresent(l -> out.append("<span lang=\"en\">").append(Html.esc(l)).append("</span>"));
    zh.ifPresent(
        l ->
            out.append(en.isPresent() ? " " : "")
                .append("<span lang=\"zh\">")
                .append(Html.esc(l))
                .append("</span>"));
    return out.toString();
  }

  /** A link to {@code node}, shown by its labels. */
  static String link(Graph graph, Node node) {
    String href = UrlLayout.href(node);
    return href == null
        ? html(graph, node)
        : "<a href=\"" + Html.esc(href) + "\">" + html(graph, node) + "</a>";
  }

  /** A prefixed name where a prefix fits, else the IRI. */
  static String shortName(Graph graph, Node node) {
    if (!node.isURI()) {
      return node.toString();
    }
    String prefixed = graph.getPrefixMapping().qnameFor(node.getURI());
    return prefixed != null ? prefixed : node.getURI();
  }

  /** A literal as text, with its language or datatype shown discreetly. */
  static String literal(Graph graph, Node literal) {
    String text = Html.esc(literal.getLiteralLexicalForm());
    String lang = literal.getLiteralLanguage();
    if (!lang.isEmpty()) {
      return "<span lang=\"" + Html.esc(lang) + "\">" + text + "</span>";
    }
    return text;
  }
}
