package org.dgov.graph;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The RDFS closure that is served, so that a query for {@code ?x a dgov:Actor} finds every state.
 */
public final class Inference {

  private Inference() {}

  /**
   * Ontology and data with everything RDFS entails from the ontology's subclass, subproperty,
   * domain and range axioms, materialised into a plain graph.
   */
  public static Graph rdfsClosure(CuratedGraph curated) {
    Graph closure = curated.union();
    entailed(closure, vocabulary(curated.ontology())).forEach(closure::add);
    return closure;
  }

  /**
   * The statements that RDFS entails from {@code asserted} with the axioms of {@code vocabulary}
   * and that {@code asserted} does not hold already.
   */
  public static Set<Triple> entailed(Graph asserted, Graph vocabulary) {
    Set<Triple> entailed = new HashSet<>();
    RDFSFactory.graphRDFS(asserted, vocabulary)
        .find()
        .forEach(
            t -> {
              if (isUseful(t) && !asserted.contains(t)) {
                entailed.add(t);
              }
            });
    return entailed;
  }

  /**
   * The ontology as RDFS reasoning uses it: without datatype ranges (such as xsd:string), which
   * would type literals and so give statements that are not RDF.
   */
  public static Graph vocabulary(Graph ontology) {
    Graph vocabulary = GraphFactory.createDefaultGraph();
    ontology
        .find()
        .forEach(
            t -> {
              boolean datatypeRange =
                  t.getPredicate().equals(RDFS.range.asNode())
                      && t.getObject().isURI()
                      && t.getObject().getURI().startsWith(XSD.getURI());
              if (!datatypeRange) {
                vocabulary.add(t);
              }
            });
    return vocabulary;
  }

  /** Drops types that are anonymous class expressions (owl:unionOf and the like). */
  private static boolean isUseful(Triple t) {
    return !(t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isBlank());
  }
}
