package org.dgov.store;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.dgov.vocab.DGOV;

/**
 * The invariants every write keeps, checked before it is entailed and validated: only the default
 * graph is written; the ontology's statements are left alone; no described resource is removed
 * unless the request names it; no mass deletion. Each check throws {@link Refused} (422) with the
 * reason when the write breaks it. The checks read the write's change and the transaction's own
 * graphs, at a cost that follows the change, never the size of the store.
 */
final class WriteRules {

  /** A write may delete at most this many entries. */
  static final int MAX_DELETED_ENTRIES = 10;

  /** A write that removes fewer asserted statements than this is never a mass deletion. */
  static final int MASS_DELETION_FROM = 100;

  private static final Node TYPE = RDF.type.asNode();
  private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::toString);

  private final Graph ontology;

  /**
   * @param ontology the ontology's statements, which writes may not change
   */
  WriteRules(Graph ontology) {
    this.ontology = ontology;
  }

  /** Refuses a write that changes any graph but the default graph ({@link Store#ENTAILED} too). */
  void defaultGraphOnly(ChangeRecorder.Recorded recorded) {
    Set<Node> graphs =
        Stream.concat(recorded.added().stream(), recorded.removed().stream())
            .filter(q -> !q.isDefaultGraph())
            .map(Quad::getGraph)
            .collect(Collectors.toCollection(() -> new TreeSet<>(BY_IRI)));
    if (!graphs.isEmpty()) {
      throw Refused.because(
          "only the default graph is writable; this write changes "
              + graphs.stream().map(g -> "<" + g.getURI() + ">").collect(Collectors.joining(", ")));
    }
  }

  /**
   * Refuses a mass deletion: a write that removes {@value #MASS_DELETION_FROM} or more asserted
   * statements, more than half of those there before it. {@code asserted} is the asserted graph
   * with the write applied, {@code added} and {@code removed} the write's net change to it.
   *
   * <p>The statements there before are those left plus those removed less those added, so the write
   * removes more than half of them exactly when fewer than {@code removed + added} are left: the
   * rule counts the asserted graph up to that bound and no further, a cost that follows the write
   * and not the store (a count of the store is a scan of its whole default graph in TDB2).
   */
  void noMassDeletion(Graph asserted, Set<Triple> added, Set<Triple> removed) {
    if (removed.size() < MASS_DELETION_FROM) {
      return;
    }
    long bound = (long) removed.size() + added.size();
    long left;
    try (Stream<Triple> statements = asserted.stream()) {
      left = statements.limit(bound).count();
    }
    if (left < bound) {
      throw Refused.because(
          "a mass deletion: this write removes "
              + removed.size()
              + " of the "
              + (left + removed.size() - added.size())
              + " asserted statements; delete entries one by one, naming each in the "
              + ValidatingDataset.DELETE_HEADER
              + " header");
    }
  }

  /** Refuses a write that adds or removes a statement of the ontology or about its terms. */
  void ontologyUntouched(Set<Triple> added, Set<Triple> removed) {
    Stream.concat(added.stream(), removed.stream())
        .filter(t -> ontologyTerm(t.getSubject()) || ontology.contains(t))
        .findFirst()
        .ifPresent(
            t -> {
              throw Refused.because(
                  "statements about the ontology's terms are not editable through the data"
                      + " endpoints (the ontology is edited in ontology/dgov.ttl): "
                      + t);
            });
  }

  /**
   * The described resources that {@code removed} leaves without any rdf:type in {@code asserted},
   * the asserted graph with the write applied; refuses more than {@value #MAX_DELETED_ENTRIES}.
   */
  Set<Node> deletedEntries(Graph asserted, Set<Triple> removed) {
    Set<Node> deleted =
        removed.stream()
            .filter(t -> t.getPredicate().equals(TYPE) && t.getSubject().isURI())
            .map(Triple::getSubject)
            .filter(s -> !asserted.contains(s, TYPE, Node.ANY))
            .collect(Collectors.toCollection(() -> new TreeSet<>(BY_IRI)));
    if (deleted.size() > MAX_DELETED_ENTRIES) {
      throw Refused.because(
          "a mass deletion: this write deletes "
              + deleted.size()
              + " entries, at most "
              + MAX_DELETED_ENTRIES
              + " may go in one write");
    }
    return deleted;
  }

  /**
   * Refuses a write whose {@code deleted} entries are not exactly those the request {@code named}
   * in the {@value ValidatingDataset#DELETE_HEADER} header.
   */
  void deletionsNamed(Set<Node> deleted, Set<Node> named) {
    deleted.stream()
        .filter(e -> !named.contains(e))
        .findFirst()
        .ifPresent(
            e -> {
              throw Refused.because(
                  "this write removes the entry <"
                      + e.getURI()
                      + "> (every rdf:type it has); to delete an entry on purpose, name it in the "
                      + ValidatingDataset.DELETE_HEADER
                      + " header");
            });
    named.stream()
        .filter(e -> !deleted.contains(e))
        .findFirst()
        .ifPresent(
            e -> {
              throw Refused.because(
                  ValidatingDataset.DELETE_HEADER
                      + " names <"
                      + e
                      + ">, but this write does not delete it (it must remove every rdf:type of"
                      + " an entry that has one)");
            });
  }

  private static boolean ontologyTerm(Node node) {
    return node.isURI() && node.getURI().startsWith(DGOV.ontology.getURI());
  }
}
