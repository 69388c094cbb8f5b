package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
 * them up to date with every write: what is newly entailed comes, what is no longer entailed goes.
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
    write(() -> dataset.getDefaultGraph().add(type(X, DGOV.State.asNode())));
    assertServed(type(X, DGOV.Actor.asNode()), true);
    write(
        () -> {
          dataset.getDefaultGraph().delete(type(X, DGOV.State.asNode()));
          dataset.getDefaultGraph().add(type(X, DGOV.Agreement.asNode()));
        });
    assertServed(type(X, DGOV.Actor.asNode()), false);
    assertServed(type(X, DGOV.Instrument.asNode()), true);
  }

  @Test
  void derivedStatementsFollowWritesLikeTheClosure() {
    Node g7 = NodeFactory.createURI(DGOV.ID + "g7");
    Node topic = NodeFactory.createURI(DGOV.ID + "quantum-test-topic");
    Triple covers = Triple.create(g7, DGOV.coversTopic.asNode(), topic);
    Triple adopted = Triple.create(X, DGOV.adoptedBy.asNode(), g7);
    write(
        () -> {
          dataset.getDefaultGraph().add(adopted);
          dataset.getDefaultGraph().add(Triple.create(X, DGOV.coversTopic.asNode(), topic));
        });
    assertServed(covers, true);
    write(() -> dataset.getDefaultGraph().delete(adopted));
    assertServed(covers, false);
    Txn.executeRead(
        dataset,
        () ->
            assertFalse(
                dataset.getDefaultGraph().contains(Node.ANY, RDF.object.asNode(), topic),
                "the derivation goes with the statement"));
  }

  @Test
  void theEntailedGraphBelongsToTheStore() {
    Triple junk = type(X, DGOV.State.asNode());
    Triple entailed = type(NodeFactory.createURI(DGOV.ID + "singapore"), DGOV.Actor.asNode());
    write(
        () -> {
          dataset.getGraph(Store.ENTAILED).add(junk);
          dataset.getDefaultGraph().delete(entailed);
        });
    assertServed(entailed, true);
    Txn.executeRead(dataset, () -> assertFalse(dataset.getGraph(Store.ENTAILED).contains(junk)));
  }

  @Test
  void anAbortedWriteLeavesTheEntailmentAsCommitted() {
    dataset.begin(org.apache.jena.query.ReadWrite.WRITE);
    dataset.getDefaultGraph().add(type(X, DGOV.State.asNode()));
    store.entail(Change.NONE);
    dataset.abort();
    dataset.end();
    assertServed(type(X, DGOV.Actor.asNode()), false);
    write(() -> dataset.getDefaultGraph().add(type(X, DGOV.Agreement.asNode())));
    assertServed(type(X, DGOV.Instrument.asNode()), true);
    assertServed(type(X, DGOV.Actor.asNode()), false);
  }

  private void write(Runnable change) {
    Txn.executeWrite(
        dataset,
        () -> {
          change.run();
          store.entail(Change.NONE);
        });
    store.committed();
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
