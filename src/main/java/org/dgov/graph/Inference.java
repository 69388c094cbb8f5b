package org.dgov.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

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
    Graph union = curated.union();
    Graph inferred = RDFSFactory.graphRDFS(union, curated.ontology());
    Graph closure = GraphFactory.createDefaultGraph();
    closure.getPrefixMapping().setNsPrefixes(union.getPrefixMapping());
    inferred
        .find()
        .forEach(
            t -> {
              if (isUseful(t)) {
                closure.add(t);
              }
            });
    return closure;
  }

  /**
   * Drops entailments that are not plain RDF (literal subjects, from ranges such as xsd:string) and
   * types that are anonymous class expressions (owl:unionOf and the like).
   */
  private static boolean isUseful(Triple t) {
    return !t.getSubject().isLiteral()
        && !(t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isBlank());
  }
}
