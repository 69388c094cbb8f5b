package org.dgov.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.ClosedConstraint;
import org.apache.jena.shacl.engine.constraint.ConstraintEntity;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.engine.constraint.ConstraintPairwise;
import org.apache.jena.shacl.engine.constraint.ConstraintTerm;
import org.apache.jena.shacl.engine.constraint.QualifiedValueShape;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.engine.constraint.UniqueLangConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.sparql.path.P_ZeroOrOne;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * What validating a focus node against the shapes reads, derived from the parsed shapes: for each
 * shape with targets, the statements that make a node a focus node (its class, the subjects or
 * objects of a property), the links along each property path (inverse, sequence, alternative and
 * repeated paths included), the types that {@code sh:class} reads at the value nodes, the other
 * property that {@code sh:equals}, {@code sh:disjoint} and {@code sh:lessThan} compare with, the
 * shapes nested by {@code sh:node}, {@code sh:qualifiedValueShape}, {@code sh:and}, {@code sh:or},
 * {@code sh:not} and {@code sh:xone} at the places where they apply, and the triple patterns of
 * {@code sh:sparql} constraints ({@link SparqlReads}). A shape with a constraint this cannot follow
 * (a recursive shape, disjoint qualified shapes, SPARQL on a property shape, a SPARQL-defined
 * component or target) is global: its focus nodes are all validated after any change.
 */
final class ShapeReads {

  /** A constraint whose reads are not followed: the shape it is in is global. */
  static final class Unfollowed extends Exception {
    Unfollowed(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * @param reads what the shapes with targets read, each relative to that shape's focus nodes
   * @param global the shapes whose reads are not followed
   */
  record Analysis(List<Read> reads, List<Shape> global) {}

  private ShapeReads() {}

  static Analysis of(Shapes shapes) {
    Set<Read> reads = new LinkedHashSet<>();
    List<Shape> global = new ArrayList<>();
    for (Shape shape : shapes.getTargetShapes()) {
      Set<Read> own = new LinkedHashSet<>();
      try {
        for (Target target : shape.getTargets()) {
          // a node named in the shapes is a focus node whatever changes
          if (target.getTargetType() != TargetType.targetNode) {
            own.add(targetRead(target));
          }
        }
        shape(shape, null, own, new HashSet<>());
        reads.addAll(own);
      } catch (Unfollowed e) {
        global.add(shape);
      }
    }
    return new Analysis(List.copyOf(reads), List.copyOf(global));
  }

  /** The statement that makes a node a focus node of {@code target}. */
  private static Read targetRead(Target target) throws Unfollowed {
    return switch (target.getTargetType()) {
      // a change of the node's types; a change of the class hierarchy is handled as global
      case targetClass, implicitClass -> new Read.Link(null, RDF.type.asNode(), true);
      case targetSubjectsOf -> new Read.Link(null, target.getObject(), true);
      case targetObjectsOf -> new Read.Link(null, target.getObject(), false);
      default -> throw new Unfollowed("target " + target);
    };
  }

  /** What {@code shape} reads when it applies to the nodes at {@code at} (null: the focus). */
  private static void shape(Shape shape, Path at, Set<Read> sink, Set<Node> open)
      throws Unfollowed {
    if (!open.add(shape.getShapeNode())) {
      throw new Unfollowed("recursive shape " + shape.getShapeNode());
    }
    Path values = at;
    if (shape instanceof PropertyShape property) {
      links(property.getPath(), at, false, sink);
      values = Read.then(at, property.getPath());
    }
    for (Constraint c : shape.getConstraints()) {
      constraint(c, shape, at, values, sink, open);
    }
    for (PropertyShape property : shape.getPropertyShapes()) {
      shape(property, values, sink, open);
    }
    open.remove(shape.getShapeNode());
  }

  /**
   * What constraint {@code c} of {@code shape} reads beyond the value nodes, for the focus at
   * {@code focus} and its value nodes at {@code values}.
   */
  private static void constraint(
      Constraint c, Shape shape, Path focus, Path values, Set<Read> sink, Set<Node> open)
      throws Unfollowed {
    if (c instanceof ClassConstraint) {
      sink.add(new Read.Link(values, RDF.type.asNode(), true));
    } else if (c instanceof ConstraintPairwise pairwise) {
      sink.add(new Read.Link(focus, pairwise.getValue(), true));
    } else if (c instanceof ClosedConstraint) {
      sink.add(new Read.Link(values, null, true));
    } else if (c instanceof ConstraintOp1 op) {
      shape(op.getOther(), values, sink, open);
    } else if (c instanceof ConstraintOpN op) {
      for (Shape other : op.getOthers()) {
        shape(other, values, sink, open);
      }
    } else if (c instanceof QualifiedValueShape qualified && !qualified.qDisjoint()) {
      shape(qualified.getSub(), values, sink, open);
    } else if (c instanceof SparqlConstraint sparql && shape.isNodeShape()) {
      sink.addAll(SparqlReads.of(sparql.getQuery(), values));
    } else if (!(c instanceof ConstraintTerm
        || c instanceof ConstraintEntity
        || c instanceof UniqueLangConstraint)) {
      // ConstraintTerm and ConstraintEntity see only the value nodes (or their number)
      throw new Unfollowed("constraint " + c);
    }
  }

  /**
   * The links that evaluating {@code path} (inverted if {@code inverse}) reads, from the nodes at
   * {@code at}.
   */
  static void links(Path path, Path at, boolean inverse, Set<Read> sink) throws Unfollowed {
    if (path instanceof P_Link link) {
      sink.add(new Read.Link(at, link.getNode(), !inverse));
    } else if (path instanceof P_ReverseLink link) {
      sink.add(new Read.Link(at, link.getNode(), inverse));
    } else if (path instanceof P_Inverse p) {
      links(p.getSubPath(), at, !inverse, sink);
    } else if (path instanceof P_Seq seq) {
      Path first = inverse ? seq.getRight() : seq.getLeft();
      Path second = inverse ? seq.getLeft() : seq.getRight();
      links(first, at, inverse, sink);
      links(second, Read.then(at, inverse ? PathFactory.pathInverse(first) : first), inverse, sink);
    } else if (path instanceof P_Alt alt) {
      links(alt.getLeft(), at, inverse, sink);
      links(alt.getRight(), at, inverse, sink);
    } else if (path instanceof P_ZeroOrOne p) {
      links(p.getSubPath(), at, inverse, sink);
    } else if (path instanceof P_Path1 repeated) {
      // any number of steps before the one that reads: as many as the repetition allows, or fewer
      Path step = inverse ? PathFactory.pathInverse(repeated.getSubPath()) : repeated.getSubPath();
      links(repeated.getSubPath(), Read.then(at, PathFactory.pathZeroOrMore1(step)), inverse, sink);
    } else if (path instanceof P_NegPropSet) {
      sink.add(new Read.Link(at, null, true));
      sink.add(new Read.Link(at, null, false));
    } else {
      throw new Unfollowed("path " + path);
    }
  }
}
