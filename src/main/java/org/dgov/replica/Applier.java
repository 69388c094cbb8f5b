package org.dgov.replica;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Applies the primary's patches to a replica's store in one write transaction per batch (a reader
 * sees the store before the batch or after it, never in between): each patch's asserted statements,
 * then the entailment brought up to date from them exactly as the primary did ({@link
 * Store#entail}), then each write recorded in the history under its version. Idempotent by version:
 * a patch already applied is skipped; one that does not follow the last applied is refused.
 *
 * <p>The entailment is brought up to date once for a run of patches, from their net change to the
 * asserted statements, not once per patch; that gives the same store because the primary's patches
 * are exact (each adds only what it did not serve, and removes only what was asserted), so the
 * store is a function of its asserted statements: what they entail is listed, what is asserted is
 * not. One case is not exact for a run: a patch may assert a statement that the store lists as
 * entailed before the run, when an earlier patch of the run took its support away (on the primary
 * it was no longer served). The run is ended before such a patch, its entailment brought up to
 * date, and a new run begun with it.
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
   * one commit, with its fsync and full-text index commit, and about one entailment update per
   * batch, not per patch; readers still see whole patches only); returns how many were applied,
   * skipping versions applied already. Throws {@link OutOfOrder}, applying none, when versions are
   * missing before one.
   */
  int apply(List<PatchRecord> records) {
    DatasetGraph dataset = store.dataset();
    return Txn.calculateWrite(
        dataset,
        () -> {
          Graph history = dataset.getGraph(History.GRAPH);
          Run run = new Run(dataset);
          long last = History.version(history);
          List<History.Entry> applied = new ArrayList<>();
          for (PatchRecord record : records) {
            History.Entry entry = record.entry();
            if (entry.version() <= last) {
              continue;
            }
            if (entry.version() != last + 1) {
              throw new OutOfOrder(last, entry.version());
            }
            run.apply(Patch.of(entry));
            applied.add(entry);
            last = entry.version();
          }
          run.end();
          History.record(history, applied);
          return applied.size();
        });
  }

  /** A patch's statements, as it adds and removes them from the default graph. */
  private record Patch(List<Triple> added, List<Triple> removed) {

    static Patch of(History.Entry entry) {
      List<Triple> added = new ArrayList<>();
      List<Triple> removed = new ArrayList<>();
      RDFPatchOps.read(new ByteArrayInputStream(entry.patch().getBytes(StandardCharsets.UTF_8)))
          .apply(
              new RDFChangesBase() {
                @Override
                public void add(Node g, Node s, Node p, Node o) {
                  added.add(Triple.create(s, p, o));
                }

                @Override
                public void delete(Node g, Node s, Node p, Node o) {
                  removed.add(Triple.create(s, p, o));
                }
              });
      return new Patch(added, removed);
    }
  }

  /**
   * Patches applied to the asserted statements whose entailment is not yet brought up to date, with
   * their net change since it last was.
   */
  private final class Run {
    private final Graph graph;
    private final Graph listed;
    private final Set<Triple> added = new LinkedHashSet<>();
    private final Set<Triple> removed = new LinkedHashSet<>();

    Run(DatasetGraph dataset) {
      this.graph = dataset.getDefaultGraph();
      this.listed = dataset.getGraph(Store.ENTAILED);
    }

    void apply(Patch patch) {
      if (patch.added().stream().anyMatch(listed::contains)) {
        end();
      }
      for (Triple t : patch.removed()) {
        if (graph.contains(t)) {
          graph.delete(t);
          if (!added.remove(t)) {
            removed.add(t);
          }
        }
      }
      for (Triple t : patch.added()) {
        if (!graph.contains(t)) {
          graph.add(t);
          if (!removed.remove(t)) {
            added.add(t);
          }
        }
      }
    }

    /** Brings the entailment up to date with the run's change, and begins a new run. */
    void end() {
      if (!added.isEmpty() || !removed.isEmpty()) {
        store.entail(new Change(added, removed));
        added.clear();
        removed.clear();
      }
    }
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
