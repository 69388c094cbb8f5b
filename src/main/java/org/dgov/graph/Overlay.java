package org.dgov.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Difference;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Changes to a graph held in memory until they are {@link #flush flushed}, with a {@link #view} of
 * the graph as changed: a statement taken away and put back again costs the base graph nothing, so
 * a store is written only what really changes.
 */
final class Overlay {

  private final Graph base;
  private final Graph added = GraphFactory.createDefaultGraph();
  private final Graph removed = GraphFactory.createDefaultGraph();
  private final Graph view;

  Overlay(Graph base) {
    this.base = base;
    this.view = new Union(new Difference(base, removed), added);
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
}
