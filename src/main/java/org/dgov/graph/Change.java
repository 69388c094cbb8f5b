package org.dgov.graph;

import java.util.Set;
import org.apache.jena.graph.Triple;

/**
 * What a write changes in one graph: the statements it adds and those it removes. The two sets are
 * disjoint; a statement added and removed in the same write is in neither.
 */
public record Change(Set<Triple> added, Set<Triple> removed) {

  public Change {
    added = Set.copyOf(added);
    removed = Set.copyOf(removed);
  }

  /** No change. */
  public static final Change NONE = new Change(Set.of(), Set.of());

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }
}
