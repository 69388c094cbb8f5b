package org.dgov.store;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What the write transaction on this thread has really changed, told by Jena's changes-recording
 * dataset ({@code DatasetGraphChanges}) before each change reaches {@code base}: a quad added that
 * was already there, or removed that was not, is no change; one added then removed is none either.
 * TDB2 binds a transaction to its thread, so each writer has its own record.
 */
final class ChangeRecorder extends RDFChangesBase {

  /** The net quads a transaction adds and removes, in the order first seen. */
  record Recorded(Set<Quad> added, Set<Quad> removed) {

    boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty();
    }

    /** As an RDF Patch: what it removes, then what it adds, with the header given. */
    RDFPatch patch(Node id, Node previous) {
      return RDFPatchOps.build(
          c -> {
            c.header("id", id);
            if (previous != null) {
              c.header("prev", previous);
            }
            c.txnBegin();
            removed.forEach(
                q -> c.delete(graph(q), q.getSubject(), q.getPredicate(), q.getObject()));
            added.forEach(q -> c.add(graph(q), q.getSubject(), q.getPredicate(), q.getObject()));
            c.txnCommit();
          });
    }

    private static Node graph(Quad q) {
      return q.isDefaultGraph() ? null : q.getGraph();
    }
  }

  private final DatasetGraph base;
  private final ThreadLocal<Recorded> current = new ThreadLocal<>();

  ChangeRecorder(DatasetGraph base) {
    this.base = base;
  }

  /** What this thread's transaction has changed so far. */
  Recorded recorded() {
    Recorded r = current.get();
    return r == null ? new Recorded(Set.of(), Set.of()) : r;
  }

  /** Forgets this thread's record, when its transaction ends. */
  void clear() {
    current.remove();
  }

  @Override
  public void add(Node g, Node s, Node p, Node o) {
    Quad q = quad(g, s, p, o);
    if (!base.contains(q)) {
      Recorded r = record();
      if (!r.removed().remove(q)) {
        r.added().add(q);
      }
    }
  }

  @Override
  public void delete(Node g, Node s, Node p, Node o) {
    Quad q = quad(g, s, p, o);
    if (base.contains(q)) {
      Recorded r = record();
      if (!r.added().remove(q)) {
        r.removed().add(q);
      }
    }
  }

  @Override
  public void txnBegin() {
    clear();
  }

  @Override
  public void txnAbort() {
    clear();
  }

  private Recorded record() {
    Recorded r = current.get();
    if (r == null) {
      r = new Recorded(new LinkedHashSet<>(), new LinkedHashSet<>());
      current.set(r);
    }
    return r;
  }

  private static Quad quad(Node g, Node s, Node p, Node o) {
    return Quad.create(g == null || Quad.isDefaultGraph(g) ? Quad.defaultGraphIRI : g, s, p, o);
  }
}
