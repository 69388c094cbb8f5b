package org.dgov.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Difference;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.rdfs.SetupRDFS;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;

/**
 * Brings a materialised entailment up to date with a change to the asserted statements, at a cost
 * that follows the change rather than the graph, with the result {@link Inference#entailed} gives
 * from scratch.
 *
 * <p>The entailment is kept per resource: the closure of a resource's statements, and what each
 * rule derives about the resource it derives for (its head), with the derivation records that name
 * it. A change reaches a region of resources: the subjects of the changed statements, and the heads
 * of every rule solution a changed statement can take part in, found by binding a rule's triple
 * pattern to the statement (see {@link RuleShape}), before the change and after it. The region
 * grows through what its resources' entailed statements reach, before the change (what was derived
 * from them may go: delete and rederive) and after it (what is newly entailed may reach further),
 * until it is closed. Then everything the region had by entailment is taken away and the region is
 * entailed again the way {@link Inference#entailed} does it, round by round (the closure, then each
 * rule in order), with the rules bound to the region's heads through {@code VALUES} and everything
 * outside the region standing as it is. Taking the region's entailment away first is what makes
 * deletions exact even where statements support each other in a cycle. A changed statement of a
 * property that the closure and the rules neither read nor derive (a label, a quote, a note)
 * reaches nothing: a write of only such statements leaves the entailment as it is, unread.
 *
 * <p>The rounds of {@link Inference#entailed} are inflationary: a {@code FILTER NOT EXISTS} that is
 * true when a rule first runs lets it derive, and a later round does not take that back. Evaluated
 * on a region, with the statements outside it already final, a rule could see a statement earlier
 * than it does from scratch; the two agree when a rule that reads with {@code FILTER NOT EXISTS}
 * reads only statements about its own head, and only kinds of statement (properties, and classes
 * for {@code rdf:type}, with their superproperties and superclasses) that no monotonic rule
 * derives: those are complete when the rule first runs, here as from scratch. That is the case for
 * the rules in {@code rules/} (the modes by class read the mechanism's types and stated mode). A
 * rule set outside that case, or with a rule {@link RuleShape} cannot maintain, is recomputed whole
 * at every change ({@link #recomputedWholeBecause}); a rule with property paths is recomputed on
 * its own, the others staying incremental.
 */
final class IncrementalEntailment {

  private final Inference inference;
  private final SetupRDFS closure;
  private final List<RuleShape> shapes;
  private final Set<Triple> descriptions = new HashSet<>();
  private final String whole;
  private final Set<Node> read;
  private final Set<Node> owners = new HashSet<>();

  IncrementalEntailment(Inference inference, Graph vocabulary, List<Rule> rules) {
    this.inference = inference;
    this.closure = RDFSFactory.setupRDFS(vocabulary);
    this.shapes = rules.stream().map(RuleShape::of).toList();
    rules.forEach(r -> descriptions.addAll(r.asResource().find().toList()));
    shapes.forEach(s -> owners.addAll(s.owners()));
    this.whole =
        shapes.stream()
            .filter(s -> !s.maintainable())
            .map(s -> "rule " + s.rule().name() + ": " + s.unmaintainable())
            .findFirst()
            .orElseGet(() -> unsettledNegation(vocabulary));
    this.read = whole == null ? read(vocabulary, shapes) : null;
  }

  /**
   * The properties whose statements the entailment can read or derive: {@code rdf:type}, those of
   * the vocabulary's axioms (with the axioms' own properties), and those the rules read and derive;
   * null when that is every property (a rule with a property variable or a path).
   */
  private static Set<Node> read(Graph vocabulary, List<RuleShape> shapes) {
    Set<Node> read = new HashSet<>();
    read.add(RDF.type.asNode());
    vocabulary
        .find()
        .forEach(
            t -> {
              read.add(t.getPredicate());
              if (!t.getPredicate().equals(RDFS.subClassOf.asNode())) {
                read.add(t.getSubject());
                read.add(t.getObject());
              }
            });
    for (RuleShape shape : shapes) {
      if (shape.opaque()) {
        return null;
      }
      List<Triple> all = new ArrayList<>(shape.patterns());
      all.addAll(shape.rule().query().getConstructTemplate().getTriples());
      for (Triple t : all) {
        if (!t.getPredicate().isURI()) {
          return null;
        }
        read.add(t.getPredicate());
      }
    }
    return read;
  }

  /**
   * Whether {@code t} can take part in the entailment: a statement of any other property entails
   * nothing, and nothing entails it, so adding or removing it leaves the entailment as it is.
   */
  private boolean entailing(Triple t) {
    return read == null || read.contains(t.getPredicate());
  }

  /** Why every change recomputes the whole entailment, or null when changes are incremental. */
  String recomputedWholeBecause() {
    return whole;
  }

  /** The rules whose heads are all evaluated again at every change (property paths). */
  List<Rule> recomputedRules() {
    return shapes.stream().filter(RuleShape::opaque).map(RuleShape::rule).toList();
  }

  /**
   * Updates {@code served} (asserted and entailed statements) and {@code listed} (the entailed
   * ones) after {@code asserted}, the change just made to the asserted statements of {@code
   * served}, which must be exact: what was added was not there, what was removed was. Returns the
   * change to {@code served}, the asserted change included.
   */
  Change update(Graph served, Graph listed, Change asserted) {
    if (asserted.isEmpty()) {
      return Change.NONE;
    }
    Ledger ledger = new Ledger(served, listed, asserted);
    Change entailing =
        new Change(
            asserted.added().stream().filter(this::entailing).collect(Collectors.toSet()),
            asserted.removed().stream().filter(this::entailing).collect(Collectors.toSet()));
    if (whole != null) {
      recomputeWhole(ledger);
    } else if (!entailing.isEmpty()) {
      descriptions.forEach(ledger::retractIfListed);
      maintain(ledger, entailing);
      for (RuleShape shape : shapes) {
        if (ledger.served.contains(Node.ANY, DGOV.byRule.asNode(), shape.rule().iri())) {
          shape.rule().asResource().find().forEach(ledger::entail);
        }
      }
    }
    return ledger.flush();
  }

  private void maintain(Ledger ledger, Change asserted) {
    Region region = new Region();
    ledger.mark();
    // an added statement takes part in solutions after the change only, a removed one before it
    for (Triple t : asserted.added()) {
      region.include(t.getSubject());
      reach(t, ledger.served, region);
    }
    for (Triple t : asserted.removed()) {
      region.include(t.getSubject());
      reach(t, ledger.before, region);
    }
    shapes.stream()
        .filter(RuleShape::opaque)
        .forEach(
            s -> {
              s.allHeads(ledger.before).forEach(region::include);
              s.allHeads(ledger.served).forEach(region::include);
            });
    while (true) {
      expand(region, ledger);
      entail(region, ledger);
      List<Node> entailed = List.copyOf(region.nodes);
      // a solution new since the last reach holds a statement served since then
      for (Triple t : ledger.newlyServed()) {
        reach(t, ledger.served, region);
      }
      shapes.stream()
          .filter(RuleShape::opaque)
          .forEach(s -> s.allHeads(ledger.served).forEach(region::include));
      if (region.nodes.size() == entailed.size()) {
        return;
      }
      // the region grew: it is entailed again whole, with its new members
      entailed.forEach(x -> entailedAbout(x, ledger.listed).forEach(ledger::retract));
    }
  }

  /**
   * Adds to the region, until none is left, the heads that the statements its new members had by
   * entailment reached before the change (what was derived from them may no longer be), and takes
   * those statements away.
   */
  private void expand(Region region, Ledger ledger) {
    while (!region.fresh.isEmpty()) {
      Node x = region.fresh.poll();
      for (Triple t : entailedAbout(x, ledger.listed)) {
        region.include(t.getSubject());
        reach(t, ledger.before, region); // before is the same with t taken away
        ledger.retract(t);
      }
    }
  }

  /**
   * Entails the region again, in rounds as {@link Inference#entailed} does. A round takes the
   * closure only of the resources that gained statements in the round before (the closure of a
   * resource follows from its own statements), and runs a rule again only when a statement derived
   * since its last run can take part in one of its solutions for the region's heads (with nothing
   * new to read, a rule derives nothing new, and a negated pattern can only take solutions away),
   * and then only for the heads that have a match for each pattern it requires.
   */
  private void entail(Region region, Ledger ledger) {
    Graph rdfs = RDFSFactory.graphRDFS(ledger.served, closure);
    List<Triple> derived = new ArrayList<>();
    int[] lastRun = new int[shapes.size()];
    Arrays.fill(lastRun, -1);
    Collection<Node> targets = List.copyOf(region.nodes);
    for (int round = 0; round < Inference.MAX_ROUNDS; round++) {
      int start = derived.size();
      List<Triple> closed = new ArrayList<>();
      for (Node s : targets) {
        rdfs.find(s, Node.ANY, Node.ANY).filterKeep(Inference::isUseful).forEach(closed::add);
      }
      ledger.entailAll(closed, derived);
      for (int i = 0; i < shapes.size(); i++) {
        RuleShape shape = shapes.get(i);
        if (lastRun[i] < 0
            || shape.opaque()
            || shape.feeds(derived.subList(lastRun[i], derived.size()), region.nodes)) {
          lastRun[i] = derived.size();
          List<Node> heads = shape.candidates(region.nodes, ledger.served);
          if (!heads.isEmpty()) {
            ledger.entailAll(shape.restrictedTo(heads).apply(ledger.served), derived);
          }
        }
      }
      if (derived.size() == start) {
        return;
      }
      targets = new LinkedHashSet<>();
      for (Triple t : derived.subList(start, derived.size())) {
        targets.add(t.getSubject());
      }
    }
    throw new IllegalStateException(
        "the rules in rules/ still derive new statements after "
            + Inference.MAX_ROUNDS
            + " rounds");
  }

  private void reach(Triple t, Graph graph, Region region) {
    for (RuleShape shape : shapes) {
      if (!shape.opaque()) {
        shape.reached(t, graph).forEach(region::include);
      }
    }
  }

  /**
   * What {@code listed} holds about {@code x}: its statements, and the derivation records that name
   * it as the subject of what they derive.
   */
  private List<Triple> entailedAbout(Node x, Graph listed) {
    List<Triple> about = new ArrayList<>(listed.find(x, Node.ANY, Node.ANY).toList());
    for (Node owner : owners) {
      listed
          .find(Node.ANY, owner, x)
          .mapWith(Triple::getSubject)
          .toSet()
          .forEach(d -> about.addAll(listed.find(d, Node.ANY, Node.ANY).toList()));
    }
    return about;
  }

  private void recomputeWhole(Ledger ledger) {
    Graph asserted = GraphFactory.createDefaultGraph();
    new Difference(ledger.served, ledger.listed).find().forEach(asserted::add);
    Set<Triple> entailed = inference.entailed(asserted);
    ledger.listed.find().filterDrop(entailed::contains).toList().forEach(ledger::retract);
    entailed.forEach(ledger::entail);
  }

  /**
   * Why the rules that read with {@code FILTER NOT EXISTS} cannot be kept per region, or null when
   * they can: such a rule must read only statements about its head, of kinds no monotonic rule
   * derives (directly or through the closure).
   */
  private String unsettledNegation(Graph vocabulary) {
    Set<String> derived = new HashSet<>();
    for (RuleShape shape : shapes) {
      if (!shape.nonMonotonic()) {
        shape
            .rule()
            .query()
            .getConstructTemplate()
            .getTriples()
            .forEach(t -> derived.addAll(kinds(t)));
      }
    }
    for (RuleShape shape : shapes) {
      if (!shape.nonMonotonic()) {
        continue;
      }
      for (Triple pattern : shape.patterns()) {
        String name = "rule " + shape.rule().name() + ": ";
        if (!pattern.getSubject().equals(shape.head())) {
          return name
              + "it reads with FILTER NOT EXISTS and reads statements about other resources than"
              + " the one it derives for";
        }
        for (String kind : readKinds(shape, pattern)) {
          boolean clash =
              derived.contains(ANY)
                  || derived.contains(kind)
                  || (kind.equals(ANY_TYPE) && derived.stream().anyMatch(k -> k.startsWith(TYPE)))
                  || (kind.startsWith(TYPE) && derived.contains(ANY_TYPE))
                  || (kind.equals(ANY) && !derived.isEmpty());
          if (clash) {
            return name
                + "it reads with FILTER NOT EXISTS "
                + kind
                + ", which other rules derive: the rounds would decide what it sees";
          }
        }
      }
    }
    return null;
  }

  private static final String ANY = "any statement";
  private static final String TYPE = "type ";
  private static final String ANY_TYPE = TYPE + "of any class";

  /** The kinds of statement a template triple derives, with what the closure adds to them. */
  private Set<String> kinds(Triple t) {
    Node p = t.getPredicate();
    if (Var.isVar(p)) {
      return Set.of(ANY);
    }
    Node o = t.getObject();
    if (p.equals(RDF.type.asNode()) && (Var.isVar(o) || o.isBlank())) {
      return Set.of(ANY_TYPE);
    }
    Node s = NodeFactory.createBlankNode();
    Graph one = GraphFactory.createDefaultGraph();
    one.add(s, p, o.isConcrete() && !o.isBlank() ? o : NodeFactory.createBlankNode());
    Set<String> kinds = new HashSet<>();
    RDFSFactory.graphRDFS(one, closure)
        .find(s, Node.ANY, Node.ANY)
        .forEach(
            c ->
                kinds.add(
                    c.getPredicate().equals(RDF.type.asNode())
                        ? TYPE + c.getObject()
                        : "property " + c.getPredicate()));
    return kinds;
  }

  private static Set<String> readKinds(RuleShape shape, Triple pattern) {
    Node p = pattern.getPredicate();
    if (Var.isVar(p)) {
      return Set.of(ANY);
    }
    if (!RuleShape.isType(pattern)) {
      return Set.of("property " + p);
    }
    Set<Node> classes = shape.classes(pattern);
    if (classes == null || classes.stream().anyMatch(c -> c == null)) {
      return Set.of(ANY_TYPE);
    }
    Set<String> kinds = new HashSet<>();
    classes.forEach(c -> kinds.add(TYPE + c));
    return kinds;
  }

  /** The resources whose entailment a change reaches, and those not yet expanded. */
  private static final class Region {
    final Set<Node> nodes = new LinkedHashSet<>();
    final Deque<Node> fresh = new ArrayDeque<>();

    void include(Node n) {
      if (nodes.add(n)) {
        fresh.add(n);
      }
    }
  }

  /**
   * The served and listed graphs as they are changed, in memory until {@link #flush}, with the net
   * change to the served graph since before the transaction ({@link #before} is that graph as it
   * was).
   */
  private static final class Ledger {
    final Overlay servedChanges;
    final Overlay listedChanges;
    final Graph served;
    final Graph listed;
    final Graph added = GraphFactory.createDefaultGraph();
    final Graph removed = GraphFactory.createDefaultGraph();
    final Graph before;
    private final Set<Triple> newlyServed = new LinkedHashSet<>();
    private final Set<Triple> unserved = new HashSet<>();

    Ledger(Graph served, Graph listed, Change asserted) {
      this.servedChanges = new Overlay(served);
      this.listedChanges = new Overlay(listed);
      this.served = servedChanges.view();
      this.listed = listedChanges.view();
      asserted.added().stream().filter(t -> !listed.contains(t)).forEach(added::add);
      asserted.removed().forEach(removed::add);
      // what was added is served and what was removed is not, as the view asks
      before = Overlay.changed(this.served, added, removed);
    }

    /** Entails {@code t} unless it is served already. */
    void entail(Triple t) {
      if (!served.contains(t)) {
        entailUnserved(t, new ArrayList<>());
      }
    }

    /**
     * Entails each of {@code statements} that is not served already, and notes it in {@code
     * derived}: what each of their subjects has is read once, not looked up statement by statement.
     */
    void entailAll(Collection<Triple> statements, List<Triple> derived) {
      Map<Node, Set<Triple>> bySubject = new LinkedHashMap<>();
      for (Triple t : statements) {
        bySubject.computeIfAbsent(t.getSubject(), s -> new LinkedHashSet<>()).add(t);
      }
      bySubject.forEach(
          (s, about) -> {
            about.removeAll(served.find(s, Node.ANY, Node.ANY).toSet());
            about.forEach(t -> entailUnserved(t, derived));
          });
    }

    /**
     * Entails {@code t}, which is not served, and notes it in {@code derived}. What is listed is
     * served, so {@code t} is not listed either.
     */
    private void entailUnserved(Triple t, List<Triple> derived) {
      servedChanges.addAbsent(t);
      listedChanges.addAbsent(t);
      if (!unserved.remove(t)) {
        newlyServed.add(t);
      }
      if (removed.contains(t)) {
        removed.delete(t);
      } else {
        added.add(t);
      }
      derived.add(t);
    }

    /** Notes what is served now, for {@link #newlyServed}. */
    void mark() {
      newlyServed.clear();
      unserved.clear();
    }

    /** The statements served now that were not at the last {@link #mark}; marks again. */
    List<Triple> newlyServed() {
      List<Triple> served = List.copyOf(newlyServed);
      mark();
      return served;
    }

    void retractIfListed(Triple t) {
      if (listed.contains(t)) {
        retract(t);
      }
    }

    /** Takes entailed {@code t} away. */
    void retract(Triple t) {
      listedChanges.delete(t);
      if (served.contains(t)) {
        servedChanges.delete(t);
        if (!newlyServed.remove(t)) {
          unserved.add(t);
        }
        if (added.contains(t)) {
          added.delete(t);
        } else {
          removed.add(t);
        }
      }
    }

    /** Writes the changes to the served and listed graphs; returns the change to the served one. */
    Change flush() {
      servedChanges.flush();
      listedChanges.flush();
      return new Change(added.find().toSet(), removed.find().toSet());
    }
  }
}
