package org.dgov.graph;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;

/**
 * One kind of statement that validating a focus node reads, at a place reached from the focus node
 * by a path: a changed statement of that kind can change the findings of the focus nodes that reach
 * its place. {@link ShapeReads} lists them for each shape.
 */
interface Read {

  /** The path from the focus node to the place where the statements are read; null: the focus. */
  Path prefix();

  /** The places in {@code served} at which validation reads {@code t}: none if it never does. */
  Collection<Node> places(Triple t, Graph served);

  /** The focus nodes in {@code served} whose validation reads {@code t}. */
  default Set<Node> focusNodes(Triple t, Graph served) {
    Set<Node> focus = new HashSet<>();
    for (Node place : places(t, served)) {
      if (prefix() == null) {
        focus.add(place);
      } else {
        focus.addAll(ShaclPaths.valueNodes(served, place, PathFactory.pathInverse(prefix())));
      }
    }
    return focus;
  }

  /**
   * The statements with {@code predicate} (any, if null) whose subject ({@code forward}) or object
   * is the place.
   */
  record Link(Path prefix, Node predicate, boolean forward) implements Read {
    @Override
    public Collection<Node> places(Triple t, Graph served) {
      if (predicate != null && !predicate.equals(t.getPredicate())) {
        return Set.of();
      }
      return Set.of(forward ? t.getSubject() : t.getObject());
    }
  }

  /** {@code path} after {@code prefix}; either may be null for no step. */
  static Path then(Path prefix, Path path) {
    if (prefix == null) {
      return path;
    }
    return path == null ? prefix : PathFactory.pathSeq(prefix, path);
  }
}
