package org.dgov.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Validation of a change: the findings about the graph after a write, given that it conformed
 * before, found by validating only the focus nodes the change can affect. Which those are follows
 * from the shapes ({@link ShapeReads}): a focus node whose validation reads no changed statement
 * has the findings it had before, none. The focus nodes that do are validated with Jena SHACL, node
 * by node, and the checks SHACL cannot express run on the subjects whose checks read a changed
 * statement: the changed subjects, the blank nodes changed statements point at, the resources that
 * mention a node whose type changed or a blank node that changed (the owner of an evidence), and
 * the resources with the same label or ISO code as a changed statement (which must be unique). So
 * the cost follows the change, not the graph, and the verdict and findings are those of {@link
 * Validation#validate(CuratedGraph, Graph, SourceText)}. A change to the class hierarchy reaches
 * every typed node: it is checked on the whole graph.
 *
 * <p>The shapes are parsed and analysed once per shapes graph ({@link #of}).
 */
public final class ChangeValidation {

  private static final Map<Graph, ChangeValidation> ANALYSED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Shapes shapes;
  private final ShapeReads.Analysis analysis;

  private ChangeValidation(Graph shapesGraph) {
    this.shapes = Shapes.parse(shapesGraph);
    this.analysis = ShapeReads.of(shapes);
  }

  /** The validation of changes against {@code shapesGraph}, parsed and analysed once. */
  public static ChangeValidation of(Graph shapesGraph) {
    return ANALYSED.computeIfAbsent(shapesGraph, ChangeValidation::new);
  }

  /**
   * The findings about {@code served} after {@code change}, given that it conformed before: see
   * {@link Validation#validateChange}.
   */
  public Report validate(CuratedGraph graph, Graph served, Change change, SourceText source) {
    if (Stream.concat(change.added().stream(), change.removed().stream())
        .anyMatch(t -> t.getPredicate().equals(RDFS.subClassOf.asNode()))) {
      return Validation.validate(graph, served, source);
    }
    List<ReportEntry> entries = new ArrayList<>();
    for (Node focus : focusNodes(served, change)) {
      entries.addAll(ShaclValidator.get().validate(shapes, served, focus).getEntries());
    }
    return Validation.check(
        graph,
        served,
        entries,
        checkedSubjects(graph.data(), change),
        n -> served.contains(n, RDF.type.asNode(), Node.ANY),
        source);
  }

  /**
   * The shapes' focus nodes in {@code served} whose validation reads a statement of {@code change}.
   */
  Set<Node> focusNodes(Graph served, Change change) {
    Set<Node> focus = new HashSet<>();
    if (change.isEmpty()) {
      return focus;
    }
    for (Shape shape : analysis.global()) {
      for (Target target : shape.getTargets()) {
        focus.addAll(target.getFocusNodes(served));
      }
    }
    Stream.concat(change.added().stream(), change.removed().stream())
        .forEach(t -> analysis.reads().forEach(read -> focus.addAll(read.focusNodes(t, served))));
    return focus;
  }

  /** The shapes that are validated on all their focus nodes after any change. */
  List<Shape> global() {
    return analysis.global();
  }

  /**
   * The subjects of {@code data} whose checks, beyond SHACL, read a statement of {@code change}.
   */
  static Set<Node> checkedSubjects(Graph data, Change change) {
    Set<Node> subjects = new HashSet<>();
    Stream.concat(change.added().stream(), change.removed().stream())
        .forEach(
            t -> {
              subjects.add(t.getSubject());
              if (t.getObject().isBlank()) {
                subjects.add(t.getObject());
              }
              if (t.getPredicate().equals(RDF.type.asNode()) || t.getSubject().isBlank()) {
                data.find(Node.ANY, Node.ANY, t.getSubject())
                    .forEach(m -> subjects.add(m.getSubject()));
              }
              if (Hygiene.isUnique(t.getPredicate())) {
                data.find(Node.ANY, t.getPredicate(), t.getObject())
                    .forEach(m -> subjects.add(m.getSubject()));
              }
            });
    subjects.removeIf(s -> !data.contains(s, Node.ANY, Node.ANY));
    return subjects;
  }
}
