package org.dgov.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Changes to a graph held in memory until they are {@link #flush flushed}, with a {@link #view} of
 * the graph as changed: a statement taken away and put back again costs the base graph nothing, so
 * a store is written only what really changes. What is added is not in the base graph, and what is
 * removed is ({@link #changed}).
 */
final class Overlay {

  private final Graph base;
  private final Graph added = GraphFactory.createDefaultGraph();
  private final Graph removed = GraphFactory.createDefaultGraph();
  private final Graph view;

  Overlay(Graph base) {
    this.base = base;
    this.view = changed(base, removed, added);
  }

  /** The base graph with the pending changes. */
  Graph view() {
    return view;
  }

  void add(Triple t) {
    if (removed.contains(t)) {
      removed.delete(t);
    } else if (!base.contains(t)) {
      added.add(t);
    }
  }

  /** Adds {@code t}, which the {@link #view} does not hold: one lookup fewer than {@link #add}. */
  void addAbsent(Triple t) {
    if (removed.contains(t)) {
      removed.delete(t);
    } else {
      added.add(t);
    }
  }

  void delete(Triple t) {
    if (added.contains(t)) {
      added.delete(t);
    } else if (base.contains(t)) {
      removed.add(t);
    }
  }

  /** Writes the pending changes to the base graph. */
  void flush() {
    removed.find().forEach(base::delete);
    added.find().forEach(base::add);
    removed.clear();
    added.clear();
  }

  /**
   * {@code base} less {@code less}, with {@code more}, read-only, where {@code less} is within
   * {@code base} and {@code more} outside it (as an overlay keeps its changes): the view is the two
   * side by side, and a statement in memory is found there first.
   */
  static Graph changed(Graph base, Graph less, Graph more) {
    return new GraphBase() {
      @Override
      protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return base.find(pattern).filterDrop(less::contains).andThen(more.find(pattern));
      }

      @Override
      protected boolean graphBaseContains(Triple t) {
        if (more.contains(t)) {
          return true;
        }
        if (t.isConcrete()) {
          return !less.contains(t) && base.contains(t);
        }
        ExtendedIterator<Triple> kept = base.find(t).filterDrop(less::contains);
        try {
          return kept.hasNext();
        } finally {
          kept.close();
        }
      }
    };
  }
}
