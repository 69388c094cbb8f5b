package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.dgov.Shared;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store holds the asserted graph with its RDFS entailment and the rules' derivations, and keeps
 * them up to date with every write from the change it made: what is newly entailed comes, what is
 * no longer entailed goes, and the change to the served graph is returned.
 */
@ExtendWith(Shared.class)
class StoreTest {

  private static final Node X = NodeFactory.createURI(DGOV.ID + "x");

  private Path dir;
  private CuratedGraph curated;
  private Store store;
  private DatasetGraph dataset;

  @BeforeEach
  void open(@TempDir Path dir, CuratedGraph shared) throws Exception {
    this.dir = dir;
    curated = shared;
    store = Store.open(dir, curated);
    dataset = store.dataset();
  }

  @Test
  void theCuratedGraphIsLoadedWithItsEntailmentListedApart() {
    Triple singapore = type(NodeFactory.createURI(DGOV.ID + "singapore"), DGOV.Actor.asNode());
    Txn.executeRead(
        dataset,
        () -> {
          assertTrue(dataset.getDefaultGraph().contains(singapore), "entailed types are served");
          assertTrue(dataset.getGraph(Store.ENTAILED).contains(singapore));
          Graph asserted = Store.asserted(dataset);
          assertFalse(asserted.contains(singapore));
          assertEquals(curated.union().size(), asserted.size(), "the asserted graph is as curated");
        });
  }

  @Test
  void aStoreWithoutEntailmentGetsItWhenOpened() {
    Triple singapore = type(NodeFactory.createURI(DGOV.ID + "singapore"), DGOV.Actor.asNode());
    Txn.executeWrite(
        dataset,
        () -> {
          dataset.getDefaultGraph().delete(singapore);
          dataset.getGraph(Store.ENTAILED).clear();
        });
    assertServed(singapore, false);
    dataset = Store.open(dir, curated).dataset();
    assertServed(singapore, true);
  }

  @Test
  void entailmentFollowsWrites() {
    write(Set.of(type(X, DGOV.State.asNode())), Set.of());
    assertServed(type(X, DGOV.Actor.asNode()), true);
    write(Set.of(type(X, DGOV.Agreement.asNode())), Set.of(type(X, DGOV.State.asNode())));
    assertServed(type(X, DGOV.Actor.asNode()), false);
    assertServed(type(X, DGOV.Instrument.asNode()), true);
  }

  @Test
  void derivedStatementsFollowWritesLikeTheClosure() {
    Node g7 = NodeFactory.createURI(DGOV.ID + "g7");
    Node topic = NodeFactory.createURI(DGOV.ID + "quantum-test-topic");
    Triple covers = Triple.create(g7, DGOV.coversTopic.asNode(), topic);
    Triple adopted = Triple.create(X, DGOV.adoptedBy.asNode(), g7);
    write(Set.of(adopted, Triple.create(X, DGOV.coversTopic.asNode(), topic)), Set.of());
    assertServed(covers, true);
    write(Set.of(), Set.of(adopted));
    assertServed(covers, false);
    Txn.executeRead(
        dataset,
        () ->
            assertFalse(
                dataset.getDefaultGraph().contains(Node.ANY, RDF.object.asNode(), topic),
                "the derivation goes with the statement"));
  }

  @Test
  void anEntailedStatementDeletedFromTheDefaultGraphIsServedAgain() {
    Triple entailed = type(NodeFactory.createURI(DGOV.ID + "singapore"), DGOV.Actor.asNode());
    Change change = write(Set.of(), Set.of(entailed));
    assertServed(entailed, true);
    assertTrue(change.isEmpty(), "the served graph is as before: " + change);
  }

  @Test
  void theChangeToTheServedGraphIsReturned() {
    Change change = write(Set.of(type(X, DGOV.State.asNode())), Set.of());
    assertEquals(
        Set.of(
            type(X, DGOV.State.asNode()),
            type(X, DGOV.Actor.asNode()),
            type(X, NodeFactory.createURI("http://www.w3.org/ns/prov#Agent"))),
        change.added().stream().filter(t -> t.getSubject().equals(X)).collect(Collectors.toSet()));
    assertTrue(change.removed().isEmpty());
  }

  @Test
  void anAbortedWriteLeavesTheEntailmentAsCommitted() {
    dataset.begin(org.apache.jena.query.ReadWrite.WRITE);
    dataset.getDefaultGraph().add(type(X, DGOV.State.asNode()));
    store.entail(new Change(Set.of(type(X, DGOV.State.asNode())), Set.of()));
    dataset.abort();
    dataset.end();
    assertServed(type(X, DGOV.Actor.asNode()), false);
    write(Set.of(type(X, DGOV.Agreement.asNode())), Set.of());
    assertServed(type(X, DGOV.Instrument.asNode()), true);
    assertServed(type(X, DGOV.Actor.asNode()), false);
  }

  /** A write transaction that makes the change, entails it and commits; its served change. */
  private Change write(Set<Triple> added, Set<Triple> removed) {
    Change change =
        Txn.calculateWrite(
            dataset,
            () -> {
              removed.forEach(dataset.getDefaultGraph()::delete);
              added.forEach(dataset.getDefaultGraph()::add);
              return store.entail(new Change(added, removed));
            });
    return change;
  }

  private void assertServed(Triple t, boolean expected) {
    Txn.executeRead(
        dataset,
        () -> {
          assertEquals(expected, dataset.getDefaultGraph().contains(t), "served: " + t);
          assertEquals(expected, dataset.getGraph(Store.ENTAILED).contains(t), "listed: " + t);
        });
  }

  private static Triple type(Node subject, Node type) {
    return Triple.create(subject, RDF.type.asNode(), type);
  }
}
