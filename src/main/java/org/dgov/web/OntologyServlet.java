package org.dgov.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.vocab.DGOV;

/**
 * {@code /ontology}: the ontology as a reference page generated from itself (classes with their
 * hierarchy, properties with domain and range, definitions, labels in both languages; each term at
 * its own anchor), or as Turtle or JSON-LD by {@code Accept}.
 */
public final class OntologyServlet extends HttpServlet {

  private static final AcceptList OFFERED =
      AcceptList.create("text/html", "text/turtle", "application/ld+json");

  private final Graph ontology;
  private final String html;

  public OntologyServlet(Graph ontology) {
    this.ontology = ontology;
    this.html = render(ontology);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Vary", "Accept");
    String type = ContentNegotiation.choose(request, OFFERED).orElse("text/html");
    if (type.equals("text/html")) {
      Html.send(response, 200, html);
      return;
    }
    response.setContentType(type + "; charset=utf-8");
    RDFDataMgr.write(
        response.getOutputStream(),
        ontology,
        type.equals("text/turtle") ? RDFFormat.TURTLE_PRETTY : RDFFormat.JSONLD11_PRETTY);
  }

  private static String render(Graph g) {
    Node onto = DGOV.ontology.asNode();
    StringBuilder body = new StringBuilder("<h1>").append(Labels.html(g, onto)).append("</h1>\n");
    g.find(onto, DCTerms.description.asNode(), Node.ANY)
        .forEach(t -> body.append("<p>").append(Labels.literal(g, t.getObject())).append("</p>\n"));
    body.append("<p><code>")
        .append(Html.esc(onto.getURI()))
        .append("</code> · version ")
        .append(Html.esc(value(g, onto, OWL.versionInfo.asNode())))
        .append(" · licence <a href=\"")
        .append(Html.esc(value(g, onto, DCTerms.license.asNode())))
        .append(
            "\">CC BY 4.0</a> · <a href=\"/ontology\" type=\"text/turtle\">Turtle by Accept</a></p>\n");
    body.append("<h2>Classes</h2>\n<dl>\n");
    terms(g, OWL.Class.asNode())
        .forEach(
            term -> {
              body.append(header(g, term));
              List<Node> parents =
                  g.find(term, RDFS.subClassOf.asNode(), Node.ANY)
                      .mapWith(t -> t.getObject())
                      .toList();
              if (!parents.isEmpty()) {
                body.append("<dd>subclass of ").append(links(g, parents)).append("</dd>");
              }
              List<Node> children =
                  g.find(Node.ANY, RDFS.subClassOf.asNode(), term)
                      .mapWith(t -> t.getSubject())
                      .toList();
              if (!children.isEmpty()) {
                body.append("<dd>subclasses: ").append(links(g, children)).append("</dd>");
              }
              body.append('\n');
            });
    body.append("</dl>\n<h2>Properties</h2>\n<dl>\n");
    for (Node kind : List.of(OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
      terms(g, kind)
          .forEach(
              term -> {
                body.append(header(g, term));
                List<Node> domain =
                    g.find(term, RDFS.domain.asNode(), Node.ANY)
                        .mapWith(t -> t.getObject())
                        .toList();
                List<Node> range =
                    g.find(term, RDFS.range.asNode(), Node.ANY)
                        .mapWith(t -> t.getObject())
                        .toList();
                if (!domain.isEmpty()) {
                  body.append("<dd>domain ").append(links(g, domain)).append("</dd>");
                }
                if (!range.isEmpty()) {
                  body.append("<dd>range ").append(links(g, range)).append("</dd>");
                }
                body.append('\n');
              });
    }
    body.append("</dl>\n<h2>Instrument status values</h2>\n<dl>\n");
    terms(g, DGOV.Status.asNode()).forEach(term -> body.append(header(g, term)).append('\n'));
    body.append("</dl>\n");
    return Html.page("dgov ontology", body.toString());
  }

  private static List<Node> terms(Graph g, Node type) {
    return g.find(Node.ANY, RDF.type.asNode(), type).mapWith(t -> t.getSubject()).toList().stream()
        .filter(n -> n.isURI() && n.getURI().startsWith(DGOV.NS))
        .sorted(Comparator.comparing(Node::getURI))
        .toList();
  }

  private static String header(Graph g, Node term) {
    String local = term.getURI().substring(DGOV.NS.length());
    StringBuilder out =
        new StringBuilder("<dt id=\"")
            .append(Html.esc(local))
            .append("\"><a href=\"#")
            .append(Html.esc(local))
            .append("\"><code>dgov:")
            .append(Html.esc(local))
            .append("</code></a> ")
            .append(Labels.html(g, term))
            .append("</dt>");
    g.find(term, SKOS.definition.asNode(), Node.ANY)
        .forEach(t -> out.append("<dd>").append(Labels.literal(g, t.getObject())).append("</dd>"));
    return out.toString();
  }

  private static String links(Graph g, List<Node> nodes) {
    return String.join(
        ", ",
        nodes.stream().map(n -> n.isURI() ? Labels.link(g, n) : "(class expression)").toList());
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
