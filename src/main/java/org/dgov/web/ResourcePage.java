package org.dgov.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.vocab.DGOV;

/** The HTML page of one curated resource, rendered from its description. */
final class ResourcePage {

  private static final Set<Node> SHOWN_ELSEWHERE =
      Set.of(
          RDF.type.asNode(),
          RDFS.label.asNode(),
          SKOS.altLabel.asNode(),
          DGOV.evidence.asNode(),
          OWL.sameAs.asNode());

  private ResourcePage() {}

  static String render(Graph description, Node resource, String slug) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(Labels.html(description, resource)).append("</h1>\n");
    body.append("<p class=\"iri\"><code>").append(Html.esc(resource.getURI())).append("</code>");
    for (Triple t : description.find(resource, SKOS.altLabel.asNode(), Node.ANY).toList()) {
      body.append(" · ").append(Labels.literal(description, t.getObject()));
    }
    body.append("</p>\n<p>");
    body.append(
        description.find(resource, RDF.type.asNode(), Node.ANY).toList().stream()
            .map(t -> Labels.link(description, t.getObject()))
            .sorted()
            .collect(Collectors.joining(", ")));
    body.append("</p>\n");
    body.append(properties(description, resource));
    body.append(incoming(description, resource));
    body.append(evidence(description, resource));
    body.append(external(description, resource));
    String query = "DESCRIBE <" + resource.getURI() + ">";
    body.append("<p class=\"actions\"><a href=\"/editor?query=")
        .append(URLEncoder.encode(query, StandardCharsets.UTF_8))
        .append("\">Query this</a> · data: ");
    for (String ext : List.of("ttl", "jsonld", "nt", "rdf")) {
      body.append("<a href=\"/doc/")
          .append(slug)
          .append('.')
          .append(ext)
          .append("\">")
          .append(ext)
          .append("</a> ");
    }
    body.append("</p>\n");
    String title = Labels.label(description, resource, "en").orElse(slug);
    return Html.page(title, body.toString());
  }

  private static String properties(Graph g, Node resource) {
    Map<Node, List<Node>> byPredicate = group(g.find(resource, Node.ANY, Node.ANY).toList(), true);
    byPredicate.keySet().removeAll(SHOWN_ELSEWHERE);
    if (byPredicate.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<h2>Properties</h2>\n<dl>\n");
    byPredicate.forEach(
        (p, values) -> {
          out.append("<dt>").append(Labels.link(g, p)).append("</dt>");
          for (Node v : values) {
            out.append("<dd>")
                .append(v.isLiteral() ? Labels.literal(g, v) : Labels.link(g, v))
                .append("</dd>");
          }
          out.append('\n');
        });
    return out.append("</dl>\n").toString();
  }

  private static String incoming(Graph g, Node resource) {
    Map<Node, List<Node>> byPredicate = group(g.find(Node.ANY, Node.ANY, resource).toList(), false);
    byPredicate.keySet().remove(DGOV.attests.asNode());
    if (byPredicate.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<h2>Linked from</h2>\n<dl>\n");
    byPredicate.forEach(
        (p, subjects) -> {
          out.append("<dt>").append(Labels.link(g, p)).append(" of</dt>");
          subjects.stream()
              .filter(Node::isURI)
              .forEach(s -> out.append("<dd>").append(Labels.link(g, s)).append("</dd>"));
          out.append('\n');
        });
    return out.append("</dl>\n").toString();
  }

  private static String evidence(Graph g, Node resource) {
    List<Node> records =
        g.find(resource, DGOV.evidence.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
    if (records.isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("<h2 id=\"evidence\">Evidence</h2>\n<ul class=\"evidence\">\n");
    records.stream()
        .sorted(Comparator.comparing(e -> value(g, e, DGOV.page.asNode())))
        .forEach(
            e -> {
              out.append("<li>");
              String quote = value(g, e, DGOV.quote.asNode());
              if (!quote.isEmpty()) {
                out.append("<blockquote lang=\"zh\">")
                    .append(Html.esc(quote))
                    .append("</blockquote>");
                out.append("<span class=\"page\">white paper, page ")
                    .append(Html.esc(value(g, e, DGOV.page.asNode())))
                    .append("</span>");
              }
              g.find(e, DCTerms.source.asNode(), Node.ANY)
                  .forEach(
                      t ->
                          out.append("<span class=\"source\">source: <a href=\"")
                              .append(Html.esc(t.getObject().getURI()))
                              .append("\">")
                              .append(Html.esc(t.getObject().getURI()))
                              .append("</a></span>"));
              List<String> attested =
                  g.find(e, DGOV.attests.asNode(), Node.ANY)
                      .mapWith(t -> Labels.link(g, t.getObject()))
                      .toList();
              if (!attested.isEmpty()) {
                out.append(" <span class=\"attests\">backs the link to ")
                    .append(String.join(", ", attested))
                    .append("</span>");
              }
              out.append("</li>\n");
            });
    return out.append("</ul>\n").toString();
  }

  private static String external(Graph g, Node resource) {
    List<String> links =
        g
            .find(resource, OWL.sameAs.asNode(), Node.ANY)
            .mapWith(t -> t.getObject().getURI())
            .toList()
            .stream()
            .sorted()
            .map(iri -> "<li><a href=\"" + Html.esc(iri) + "\">" + Html.esc(iri) + "</a></li>")
            .toList();
    return links.isEmpty()
        ? ""
        : "<h2>Elsewhere</h2>\n<ul>\n" + String.join("\n", links) + "\n</ul>\n";
  }

  private static Map<Node, List<Node>> group(List<Triple> triples, boolean objects) {
    Map<Node, List<Node>> grouped = new TreeMap<>(Comparator.comparing(Node::toString));
    for (Triple t : triples) {
      grouped
          .computeIfAbsent(t.getPredicate(), k -> new java.util.ArrayList<>())
          .add(objects ? t.getObject() : t.getSubject());
    }
    grouped.values().forEach(l -> l.sort(Comparator.comparing(Node::toString)));
    return grouped;
  }

  private static String value(Graph g, Node subject, Node predicate) {
    return g.find(subject, predicate, Node.ANY)
        .mapWith(t -> t.getObject().getLiteralLexicalForm())
        .nextOptional()
        .orElse("");
  }
}
