package org.dgov.web;

import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.dgov.vocab.DGOV;

/**
 * The dataset describing itself: the curated record ({@code data/dataset.ttl}) completed with what
 * the running server knows — counts, linkset sizes, the endpoint, the dumps — as VoID and DCAT, and
 * the SPARQL 1.1 Service Description of the endpoint.
 */
final class DatasetDescription {

  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  private static final Node DATASET = NodeFactory.createURI(DGOV.ID + "dgov-kg");

  private static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

  private DatasetDescription() {}

  /**
   * VoID and DCAT for {@code graph}, the graph served, whose asserted statements number {@code
   * assertedTriples}, with absolute URLs under {@code base} (scheme, host, port). Each dump is
   * described by the subset it holds, with that subset's own count: the asserted statements, and
   * the graph as served; the dataset names every dump (VoID: "partial or complete").
   */
  static Graph voidAndDcat(Graph graph, long assertedTriples, String base) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
    out.getPrefixMapping().setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS);
    copyClosure(graph, DATASET, out);
    add(out, DATASET, VOID.triples.asNode(), count(graph.size()));
    long entities =
        graph
            .find(Node.ANY, RDF.type.asNode(), Node.ANY)
            .mapWith(Triple::getSubject)
            .filterKeep(n -> n.isURI() && n.getURI().startsWith(DGOV.ID))
            .toSet()
            .size();
    add(out, DATASET, VOID.entities.asNode(), count(entities));
    add(out, DATASET, VOID.sparqlEndpoint.asNode(), uri(base + "/dgov/sparql"));
    add(out, DATASET, VOID.exampleResource.asNode(), uri(DGOV.ID + "rcep"));
    add(out, DATASET, VOID.rootResource.asNode(), uri(DGOV.ID + "information-network-layer"));
    for (Triple subset : graph.find(DATASET, VOID.subset.asNode(), Node.ANY).toList()) {
      Node linkset = subset.getObject();
      // the curated count is replaced by the count of the graph served, which writes may change
      out.remove(linkset, VOID.triples.asNode(), Node.ANY);
      linkCount(graph, linkset).ifPresent(n -> add(out, linkset, VOID.triples.asNode(), count(n)));
    }
    Node asserted = uri(base + "/dumps/#asserted");
    subset(
        out,
        asserted,
        assertedTriples,
        "The asserted statements: the ontology and the curated data as written (in the files, or"
            + " in the store after writes), without anything entailed.",
        "dgov-kg: asserted statements",
        "全球数字治理知识图谱：断言的陈述");
    Node entailed = uri(base + "/dumps/#entailed");
    subset(
        out,
        entailed,
        graph.size(),
        "The graph as the SPARQL endpoint serves it: the asserted statements with the RDFS"
            + " closure and the statements the declared rules derive.",
        "dgov-kg: asserted and entailed statements",
        "全球数字治理知识图谱：断言与推理所得的陈述");
    dump(out, base, asserted, DumpsServlet.ASSERTED_TURTLE, "text/turtle");
    dump(out, base, asserted, DumpsServlet.ASSERTED, "application/n-triples");
    dump(out, base, entailed, DumpsServlet.ENTAILED, "application/n-triples");
    Node service = uri(base + "/dgov/sparql#service");
    add(out, DATASET, DCAT.distribution.asNode(), uri(base + "/dgov/sparql#distribution"));
    add(
        out,
        uri(base + "/dgov/sparql#distribution"),
        RDF.type.asNode(),
        DCAT.Distribution.asNode());
    add(
        out,
        uri(base + "/dgov/sparql#distribution"),
        DCAT.accessURL.asNode(),
        uri(base + "/dgov/sparql"));
    add(out, uri(base + "/dgov/sparql#distribution"), DCAT.accessService.asNode(), service);
    add(out, service, RDF.type.asNode(), DCAT.DataService.asNode());
    add(out, service, DCAT.endpointURL.asNode(), uri(base + "/dgov/sparql"));
    add(out, service, DCAT.servesDataset.asNode(), DATASET);
    add(out, service, DCTerms.conformsTo.asNode(), uri("https://www.w3.org/TR/sparql11-protocol/"));
    return out;
  }

  /** A subset of the dataset, held whole by each of its dumps. */
  private static void subset(
      Graph out, Node subset, long triples, String description, String en, String zh) {
    add(out, DATASET, VOID.subset.asNode(), subset);
    add(out, subset, RDF.type.asNode(), VOID.Dataset.asNode());
    add(out, subset, RDF.type.asNode(), DCAT.Dataset.asNode());
    add(out, subset, VOID.triples.asNode(), count(triples));
    add(
        out,
        subset,
        DCTerms.description.asNode(),
        NodeFactory.createLiteralLang(description, "en"));
    add(out, subset, RDFS.label.asNode(), NodeFactory.createLiteralLang(en, "en"));
    add(out, subset, RDFS.label.asNode(), NodeFactory.createLiteralLang(zh, "zh"));
    add(out, subset, DCTerms.license.asNode(), uri(LICENSE));
  }

  /** A dump of {@code subset}, as VoID and as a DCAT distribution of the dataset. */
  private static void dump(Graph out, String base, Node subset, String file, String mediaType) {
    Node url = uri(base + "/dumps/" + file);
    Node distribution = uri(base + "/dumps/" + file + "#distribution");
    add(out, DATASET, VOID.dataDump.asNode(), url);
    add(out, subset, VOID.dataDump.asNode(), url);
    add(out, DATASET, DCAT.distribution.asNode(), distribution);
    add(out, distribution, RDF.type.asNode(), DCAT.Distribution.asNode());
    add(out, distribution, DCAT.downloadURL.asNode(), url);
    add(out, subset, DCAT.distribution.asNode(), distribution);
    add(
        out,
        distribution,
        DCAT.mediaType.asNode(),
        uri("https://www.iana.org/assignments/media-types/" + mediaType));
    add(
        out,
        distribution,
        DCAT.compressFormat.asNode(),
        uri("https://www.iana.org/assignments/media-types/application/gzip"));
    add(out, distribution, DCTerms.license.asNode(), uri(LICENSE));
  }

  /**
   * The number of links of {@code linkset} in {@code graph}: triples of its {@code
   * void:linkPredicate} (owl:sameAs where it names none) whose subject is in the URI space of the
   * dataset and whose object is in the {@code void:uriSpace} of its {@code void:objectsTarget};
   * empty where the target has no URI space.
   */
  static Optional<Long> linkCount(Graph graph, Node linkset) {
    Node predicate =
        graph
            .find(linkset, VOID.linkPredicate.asNode(), Node.ANY)
            .nextOptional()
            .map(Triple::getObject)
            .orElse(OWL.sameAs.asNode());
    Optional<String> space =
        graph
            .find(linkset, VOID.objectsTarget.asNode(), Node.ANY)
            .nextOptional()
            .flatMap(
                t -> graph.find(t.getObject(), VOID.uriSpace.asNode(), Node.ANY).nextOptional())
            .map(t -> t.getObject().getLiteralLexicalForm());
    return space.map(
        prefix ->
            (long)
                graph
                    .find(Node.ANY, predicate, Node.ANY)
                    .filterKeep(
                        t ->
                            t.getSubject().isURI()
                                && t.getSubject().getURI().startsWith(DGOV.ID)
                                && t.getObject().isURI()
                                && t.getObject().getURI().startsWith(prefix))
                    .toList()
                    .size());
  }

  /** The SPARQL 1.1 Service Description of the query endpoint. */
  static Graph serviceDescription(Graph graph, String base) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("void", VOID.NS);
    Node service = uri(base + "/dgov/sparql#service");
    Node dataset = NodeFactory.createBlankNode();
    Node defaultGraph = NodeFactory.createBlankNode();
    add(out, service, RDF.type.asNode(), uri(SD + "Service"));
    add(out, service, uri(SD + "endpoint"), uri(base + "/dgov/sparql"));
    add(out, service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
    for (String format :
        new String[] {
          "SPARQL_Results_JSON",
          "SPARQL_Results_XML",
          "SPARQL_Results_CSV",
          "SPARQL_Results_TSV",
          "Turtle",
          "N-Triples",
          "JSON-LD",
          "RDF_XML"
        }) {
      add(out, service, uri(SD + "resultFormat"), uri("http://www.w3.org/ns/formats/" + format));
    }
    add(out, service, uri(SD + "defaultDataset"), dataset);
    add(out, dataset, RDF.type.asNode(), uri(SD + "Dataset"));
    add(out, dataset, uri(SD + "defaultGraph"), defaultGraph);
    add(out, defaultGraph, RDF.type.asNode(), uri(SD + "Graph"));
    add(out, defaultGraph, VOID.triples.asNode(), count(graph.size()));
    add(out, service, DCTerms.source.asNode(), DATASET);
    return out;
  }

  private static void copyClosure(Graph from, Node node, Graph to) {
    from.find(node, Node.ANY, Node.ANY)
        .forEach(
            t -> {
              to.add(t);
              if (t.getObject().isBlank()
                  || t.getPredicate().equals(VOID.subset.asNode())
                  || t.getPredicate().equals(VOID.objectsTarget.asNode())) {
                copyClosure(from, t.getObject(), to);
              }
            });
  }

  private static void add(Graph g, Node s, Node p, Node o) {
    g.add(Triple.create(s, p, o));
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Node count(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
  }
}
