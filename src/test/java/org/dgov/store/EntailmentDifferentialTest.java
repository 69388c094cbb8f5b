package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.dgov.Shared;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Inference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental entailment against the entailment recomputed from scratch: random patches (adds,
 * deletes, mixed) of the statements the closure and the rules read, applied one after the other to
 * the curated graph in a TDB2 store and to a small synthetic graph in memory. After each, the
 * entailed statements are exactly what {@link Inference#entailed} gives for the asserted ones, the
 * asserted ones are what the patches made them, and the change returned is the change to the served
 * graph. The seeds are fixed; a failure names its seed and step.
 */
@ExtendWith(Shared.class)
class EntailmentDifferentialTest {

  static {
    JenaSystem.init();
  }

  @Test
  void theCuratedStoreAfterRandomPatches(@TempDir Path dir, CuratedGraph curated) {
    Store store = Store.open(dir, curated);
    DatasetGraph dataset = store.dataset();
    Inference inference = Inference.of(curated);
    for (long seed : new long[] {1, 2}) {
      Random random = new Random(seed);
      RandomPatches universe =
          Txn.calculateRead(dataset, () -> RandomPatches.of(dataset.getDefaultGraph()));
      for (int step = 0; step < 6; step++) {
        String where = "seed " + seed + ", step " + step;
        Txn.executeWrite(
            dataset,
            () -> {
              Graph served = dataset.getDefaultGraph();
              Graph before = copy(served);
              Change patch = universe.patch(random, served, Store.asserted(dataset));
              patch.removed().forEach(served::delete);
              patch.added().forEach(served::add);
              Change change = store.entail(patch);
              assertChange(before, served, change, where);
            });
        Txn.executeRead(
            dataset,
            () ->
                assertEntailed(
                    inference,
                    copy(Store.asserted(dataset)),
                    dataset.getDefaultGraph(),
                    dataset.getGraph(Store.ENTAILED),
                    where));
      }
    }
  }

  @Test
  void aSyntheticGraphAfterRandomPatches(CuratedGraph curated) {
    Inference inference = Inference.of(curated);
    for (long seed = 10; seed < 16; seed++) {
      Random random = new Random(seed);
      Graph served = copy(curated.ontology());
      RandomPatches universe = RandomPatches.synthetic();
      for (int i = 0; i < 60; i++) {
        served.add(universe.statement(random));
      }
      Graph listed = GraphFactory.createDefaultGraph();
      inference.entailed(copy(served)).forEach(t -> listed.add(t));
      listed.find().forEach(served::add);
      for (int step = 0; step < 25; step++) {
        String where = "seed " + seed + ", step " + step;
        Graph before = copy(served);
        Graph asserted = asserted(served, listed);
        Change patch = universe.patch(random, served, asserted);
        patch.removed().forEach(served::delete);
        patch.added().forEach(served::add);
        Change change = inference.update(served, listed, patch);
        assertChange(before, served, change, where);
        patch.removed().forEach(asserted::delete);
        patch.added().forEach(asserted::add);
        assertSame(
            asserted.find().toSet(),
            asserted(served, listed).find().toSet(),
            where + ": the asserted statements are as patched");
        assertEntailed(inference, asserted(served, listed), served, listed, where);
      }
    }
  }

  private static void assertEntailed(
      Inference inference, Graph asserted, Graph served, Graph listed, String where) {
    assertSame(inference.entailed(asserted), listed.find().toSet(), where + ": entailed");
    assertTrue(
        listed.find().filterDrop(served::contains).toList().isEmpty(),
        where + ": every entailed statement is served");
  }

  private static void assertChange(Graph before, Graph after, Change change, String where) {
    Set<Triple> added = after.find().filterDrop(before::contains).toSet();
    Set<Triple> removed = before.find().filterDrop(after::contains).toSet();
    assertSame(added, change.added(), where + ": the served graph gained what is returned");
    assertSame(removed, change.removed(), where + ": the served graph lost what is returned");
  }

  private static void assertSame(Set<Triple> expected, Set<Triple> actual, String what) {
    Set<Triple> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    Set<Triple> extra = new HashSet<>(actual);
    extra.removeAll(expected);
    assertTrue(
        missing.isEmpty() && extra.isEmpty(), what + ": missing " + missing + ", extra " + extra);
  }

  private static Graph asserted(Graph served, Graph listed) {
    Graph asserted = copy(served);
    listed.find().forEach(asserted::delete);
    return asserted;
  }

  private static Graph copy(Graph graph) {
    Graph copy = GraphFactory.createDefaultGraph();
    graph.find().forEach(copy::add);
    return copy;
  }
}
