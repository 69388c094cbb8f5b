package org.dgov.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;

/**
 * What is served beyond what is asserted: the subclass and subproperty closure (so that a query for
 * {@code ?x a dgov:Actor} finds every state) and what the declared {@link Rule rules} derive, each
 * with its {@code dgov:Derivation} record, up to the fixpoint where neither adds anything.
 *
 * <p>The rounds are inflationary: what a rule derived while its {@code FILTER NOT EXISTS} held
 * stays when a later round makes it false. Where a rule negates statements that other rules derive
 * over several rounds, the result would depend on how many rounds they take; the rules in {@code
 * rules/} negate only a mechanism's types and modes, which no monotonic rule derives and which are
 * settled in the first round every time, so their result does not depend on the rounds. {@link
 * #update} keeps a materialised entailment equal to {@link #entailed} change by change,
 * incrementally wherever that holds.
 */
public final class Inference {

  /** Rounds of RDFS closure and rules after which the rules are taken not to settle. */
  static final int MAX_ROUNDS = 20;

  private final Graph vocabulary;
  private final List<Rule> rules;
  private final IncrementalEntailment incremental;

  /** Inference with the axioms of {@code ontology} and {@code rules}. */
  public Inference(Graph ontology, List<Rule> rules) {
    this.vocabulary = vocabulary(ontology);
    this.rules = List.copyOf(rules);
    this.incremental = new IncrementalEntailment(this, vocabulary, this.rules);
  }

  /** Inference with the ontology and rules of {@code curated}. */
  public static Inference of(CuratedGraph curated) {
    return new Inference(curated.ontology(), curated.rules());
  }

  /** Ontology and data of {@code curated} with everything entailed, in one plain graph. */
  public static Graph closure(CuratedGraph curated) {
    Graph closure = curated.union();
    of(curated).entailed(closure).forEach(closure::add);
    return closure;
  }

  /**
   * The statements that RDFS and the rules entail from {@code asserted} and that {@code asserted}
   * does not hold already, with the descriptions of the rules that derived something (so that
   * nothing is entailed from nothing).
   *
   * @throws IllegalStateException when the rules keep deriving new statements
   */
  public Set<Triple> entailed(Graph asserted) {
    Graph served = GraphFactory.createDefaultGraph();
    asserted.find().forEach(served::add);
    Set<Triple> entailed = new HashSet<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      long before = entailed.size();
      RDFSFactory.graphRDFS(served, vocabulary).find().toList().stream()
          .filter(Inference::isUseful)
          .forEach(t -> add(t, served, entailed));
      for (Rule rule : rules) {
        rule.apply(served).forEach(t -> add(t, served, entailed));
      }
      if (entailed.size() == before) {
        rules.stream()
            .filter(rule -> served.contains(Node.ANY, DGOV.byRule.asNode(), rule.iri()))
            .forEach(rule -> rule.asResource().find().forEach(t -> add(t, served, entailed)));
        return entailed;
      }
    }
    throw new IllegalStateException(
        "the rules in rules/ still derive new statements after " + MAX_ROUNDS + " rounds");
  }

  /**
   * Brings the entailment materialised in {@code served} up to date after {@code asserted}, the
   * change just made to its asserted statements, so that {@code listed} holds again exactly what
   * {@link #entailed} gives for them and {@code served} them and it; returns the change to {@code
   * served}, the asserted change included. The cost follows the change, not the graph (see {@link
   * IncrementalEntailment}); {@code asserted} must be exact: its added statements were not in
   * {@code served} and its removed ones were.
   *
   * @param served the asserted and the entailed statements together, as served
   * @param listed the statements {@code served} holds only by entailment
   * @throws IllegalStateException when the rules keep deriving new statements
   */
  public Change update(Graph served, Graph listed, Change asserted) {
    return incremental.update(served, listed, asserted);
  }

  /** How changes are maintained; for tests. */
  IncrementalEntailment incremental() {
    return incremental;
  }

  private static void add(Triple t, Graph served, Set<Triple> entailed) {
    if (!served.contains(t)) {
      served.add(t);
      entailed.add(t);
    }
  }

  /**
   * The ontology as the closure uses it: its subclass and subproperty axioms. Domain and range
   * axioms are left out: typing a resource from the property it is used with would make a wrong
   * value look right (a topic used as a governance mode would become a mode, an event that adopted
   * something an instrument), so the shapes could no longer see the mistake; for correct data they
   * add nothing, since every resource is typed where it is described.
   */
  static Graph vocabulary(Graph ontology) {
    Graph vocabulary = GraphFactory.createDefaultGraph();
    ontology
        .find()
        .filterKeep(
            t ->
                t.getPredicate().equals(RDFS.subClassOf.asNode())
                    || t.getPredicate().equals(RDFS.subPropertyOf.asNode()))
        .forEach(vocabulary::add);
    return vocabulary;
  }

  /** Drops types that are anonymous class expressions (owl:unionOf and the like). */
  static boolean isUseful(Triple t) {
    return !(t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isBlank());
  }
}
