package org.dgov.replica;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.dgov.graph.Change;
import org.dgov.graph.History;
import org.dgov.store.Store;

/**
 * Applies the primary's patches to a replica's store, each in one write transaction (a reader sees
 * the store before the patch or after it, never in between): the patch's asserted statements, then
 * the entailment brought up to date from them exactly as the primary did ({@link Store#entail}),
 * then the write recorded in the history under the same version. Idempotent by version: a patch
 * already applied is skipped; one that does not follow the last applied is refused.
 */
final class Applier {

  private final Store store;

  Applier(Store store) {
    this.store = store;
  }

  /** The version of the last patch applied, 0 before the first. */
  long version() {
    DatasetGraph dataset = store.dataset();
    return Txn.calculateRead(dataset, () -> History.version(History.in(dataset)));
  }

  /**
   * Applies {@code record}; returns false, changing nothing, when its version is applied already.
   * Throws {@link OutOfOrder} when versions are missing before it.
   */
  boolean apply(PatchRecord record) {
    return apply(List.of(record)) == 1;
  }

  /**
   * Applies {@code records}, in order, in one write transaction (a fresh replica catching up pays
   * one commit, with its fsync and full-text index commit, per batch, not per patch; readers still
   * see whole patches only); returns how many were applied, skipping versions applied already.
   * Throws {@link OutOfOrder}, applying none, when versions are missing before one.
   */
  int apply(List<PatchRecord> records) {
    DatasetGraph dataset = store.dataset();
    return Txn.calculateWrite(
        dataset,
        () -> {
          int applied = 0;
          for (PatchRecord record : records) {
            applied += applyInTransaction(dataset, record.entry()) ? 1 : 0;
          }
          return applied;
        });
  }

  private boolean applyInTransaction(DatasetGraph dataset, History.Entry entry) {
    Graph history = dataset.getGraph(History.GRAPH);
    long applied = History.version(history);
    if (entry.version() <= applied) {
      return false;
    }
    if (entry.version() != applied + 1) {
      throw new OutOfOrder(applied, entry.version());
    }
    Graph graph = dataset.getDefaultGraph();
    Set<Triple> added = new LinkedHashSet<>();
    Set<Triple> removed = new LinkedHashSet<>();
    RDFPatchOps.read(new ByteArrayInputStream(entry.patch().getBytes(StandardCharsets.UTF_8)))
        .apply(
            new RDFChangesBase() {
              @Override
              public void add(Node g, Node s, Node p, Node o) {
                Triple t = Triple.create(s, p, o);
                if (!graph.contains(t)) {
                  graph.add(t);
                  added.add(t);
                }
              }

              @Override
              public void delete(Node g, Node s, Node p, Node o) {
                Triple t = Triple.create(s, p, o);
                if (graph.contains(t)) {
                  graph.delete(t);
                  removed.add(t);
                }
              }
            });
    store.entail(new Change(added, removed));
    History.record(history, entry);
    return true;
  }

  /** A patch whose version does not follow the last one applied: versions are missing. */
  static final class OutOfOrder extends IllegalStateException {
    OutOfOrder(long applied, long version) {
      super(
          "version "
              + version
              + " does not follow version "
              + applied
              + ", the last applied: the topic lacks the versions between");
    }
  }
}
