package org.dgov.graph;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
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

  /** The subjects and objects of the changed statements. */
  public Set<Node> nodes() {
    Set<Node> nodes = new HashSet<>();
    Stream.concat(added.stream(), removed.stream())
        .forEach(
            t -> {
              nodes.add(t.getSubject());
              nodes.add(t.getObject());
            });
    return nodes;
  }

  /** This change followed by {@code next}: what both together add and remove. */
  public Change then(Change next) {
    Set<Triple> add = new HashSet<>(added);
    Set<Triple> remove = new HashSet<>(removed);
    for (Triple t : next.removed) {
      if (!add.remove(t)) {
        remove.add(t);
      }
    }
    for (Triple t : next.added) {
      if (!remove.remove(t)) {
        add.add(t);
      }
    }
    return new Change(add, remove);
  }
}
