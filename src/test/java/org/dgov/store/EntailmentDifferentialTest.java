package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Shared;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Inference;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental entailment against the entailment recomputed from scratch: random patches (adds,
 * deletes, mixed) of the statements the closure and the rules read, applied one after the other to
 * the curated graph in a TDB2 store and to a small synthetic graph in memory. After each, the
 * entailed statements are exactly what {@link Inference#entailed} gives for the asserted ones, the
 * asserted ones are what the patches made them, and the change returned is the change to the served
 * graph. The seeds are fixed; a failure names its seed and step.
 */
@ExtendWith(Shared.class)
class EntailmentDifferentialTest {

  static {
    JenaSystem.init();
  }

  private static final List<Node> PREDICATES =
      List.of(
          RDF.type.asNode(),
          DGOV.adoptedBy.asNode(),
          DGOV.adoptedAt.asNode(),
          DGOV.convenedBy.asNode(),
          DCTerms.isPartOf.asNode(),
          DGOV.coversTopic.asNode(),
          DGOV.governanceMode.asNode(),
          RDFS.label.asNode());

  private static final List<Node> CLASSES =
      List.of(
          DGOV.GovernanceMechanism.asNode(),
          DGOV.Instrument.asNode(),
          DGOV.Agreement.asNode(),
          DGOV.Forum.asNode(),
          DGOV.IntergovernmentalOrganization.asNode(),
          DGOV.MultistakeholderOrganization.asNode(),
          DGOV.StandardsOrganization.asNode(),
          DGOV.State.asNode(),
          DGOV.Declaration.asNode(),
          DGOV.Event.asNode(),
          DGOV.Topic.asNode());

  @Test
  void theCuratedStoreAfterRandomPatches(@TempDir Path dir, CuratedGraph curated) {
    Store store = Store.open(dir, curated);
    DatasetGraph dataset = store.dataset();
    Inference inference = Inference.of(curated);
    for (long seed : new long[] {1, 2}) {
      Random random = new Random(seed);
      Universe universe = Txn.calculateRead(dataset, () -> Universe.of(dataset.getDefaultGraph()));
      for (int step = 0; step < 6; step++) {
        String where = "seed " + seed + ", step " + step;
        Txn.executeWrite(
            dataset,
            () -> {
              Graph served = dataset.getDefaultGraph();
              Graph before = copy(served);
              Change patch = universe.patch(random, served, Store.asserted(dataset));
              patch.removed().forEach(served::delete);
              patch.added().forEach(served::add);
              Change change = store.entail(patch);
              assertChange(before, served, change, where);
            });
        Txn.executeRead(
            dataset,
            () ->
                assertEntailed(
                    inference,
                    copy(Store.asserted(dataset)),
                    dataset.getDefaultGraph(),
                    dataset.getGraph(Store.ENTAILED),
                    where));
      }
    }
  }

  @Test
  void aSyntheticGraphAfterRandomPatches(CuratedGraph curated) {
    Inference inference = Inference.of(curated);
    for (long seed = 10; seed < 16; seed++) {
      Random random = new Random(seed);
      Graph served = copy(curated.ontology());
      Universe universe = Universe.synthetic();
      for (int i = 0; i < 60; i++) {
        served.add(universe.statement(random));
      }
      Graph listed = GraphFactory.createDefaultGraph();
      inference.entailed(copy(served)).forEach(t -> listed.add(t));
      listed.find().forEach(served::add);
      for (int step = 0; step < 25; step++) {
        String where = "seed " + seed + ", step " + step;
        Graph before = copy(served);
        Graph asserted = asserted(served, listed);
        Change patch = universe.patch(random, served, asserted);
        patch.removed().forEach(served::delete);
        patch.added().forEach(served::add);
        Change change = inference.update(served, listed, patch);
        assertChange(before, served, change, where);
        patch.removed().forEach(asserted::delete);
        patch.added().forEach(asserted::add);
        assertSame(
            asserted.find().toSet(),
            asserted(served, listed).find().toSet(),
            where + ": the asserted statements are as patched");
        assertEntailed(inference, asserted(served, listed), served, listed, where);
      }
    }
  }

  private static void assertEntailed(
      Inference inference, Graph asserted, Graph served, Graph listed, String where) {
    assertSame(inference.entailed(asserted), listed.find().toSet(), where + ": entailed");
    assertTrue(
        listed.find().filterDrop(served::contains).toList().isEmpty(),
        where + ": every entailed statement is served");
  }

  private static void assertChange(Graph before, Graph after, Change change, String where) {
    Set<Triple> added = after.find().filterDrop(before::contains).toSet();
    Set<Triple> removed = before.find().filterDrop(after::contains).toSet();
    assertSame(added, change.added(), where + ": the served graph gained what is returned");
    assertSame(removed, change.removed(), where + ": the served graph lost what is returned");
  }

  private static void assertSame(Set<Triple> expected, Set<Triple> actual, String what) {
    Set<Triple> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    Set<Triple> extra = new HashSet<>(actual);
    extra.removeAll(expected);
    assertTrue(
        missing.isEmpty() && extra.isEmpty(), what + ": missing " + missing + ", extra " + extra);
  }

  private static Graph asserted(Graph served, Graph listed) {
    Graph asserted = copy(served);
    listed.find().forEach(asserted::delete);
    return asserted;
  }

  private static Graph copy(Graph graph) {
    Graph copy = GraphFactory.createDefaultGraph();
    graph.find().forEach(copy::add);
    return copy;
  }

  /** The resources a patch draws on, and how it draws. */
  private record Universe(List<Node> nodes, List<Node> topics, List<Node> modes) {

    static Universe of(Graph served) {
      Set<Node> nodes = new HashSet<>();
      for (Node c :
          List.of(
              DGOV.GovernanceMechanism.asNode(), DGOV.Instrument.asNode(), DGOV.Event.asNode())) {
        served.find(Node.ANY, RDF.type.asNode(), c).forEach(t -> nodes.add(t.getSubject()));
      }
      List<Node> topics =
          served
              .find(Node.ANY, RDF.type.asNode(), DGOV.Topic.asNode())
              .mapWith(Triple::getSubject)
              .toList();
      List<Node> sorted = new ArrayList<>(nodes);
      sorted.sort((a, b) -> a.getURI().compareTo(b.getURI()));
      for (int i = 0; i < 5; i++) {
        sorted.add(NodeFactory.createURI(DGOV.ID + "patched-" + i));
      }
      List<Node> sortedTopics = new ArrayList<>(topics);
      sortedTopics.sort((a, b) -> a.getURI().compareTo(b.getURI()));
      return new Universe(sorted, sortedTopics, knownModes());
    }

    static Universe synthetic() {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        nodes.add(NodeFactory.createURI(DGOV.ID + "s" + i));
      }
      List<Node> topics = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        topics.add(NodeFactory.createURI(DGOV.ID + "topic-" + i));
      }
      return new Universe(nodes, topics, knownModes());
    }

    private static List<Node> knownModes() {
      return List.of(
          NodeFactory.createURI(DGOV.ID + "intergovernmental-cooperation"),
          NodeFactory.createURI(DGOV.ID + "multistakeholder"),
          NodeFactory.createURI(DGOV.ID + "some-other-mode"));
    }

    /** A statement of a kind the closure or the rules read, about this universe's resources. */
    Triple statement(Random random) {
      Node s = pick(random, nodes);
      Node p = pick(random, PREDICATES);
      Node o;
      if (p.equals(RDF.type.asNode())) {
        o = pick(random, CLASSES);
      } else if (p.equals(DGOV.coversTopic.asNode())) {
        o = pick(random, topics);
      } else if (p.equals(DGOV.governanceMode.asNode())) {
        o = pick(random, modes);
      } else if (p.equals(RDFS.label.asNode())) {
        o = NodeFactory.createLiteralLang("label " + random.nextInt(5), "en");
      } else {
        o = pick(random, nodes);
      }
      return Triple.create(s, p, o);
    }

    /**
     * An exact patch: up to six new statements (none served yet) and up to six asserted ones
     * removed, adds only, deletes only or both.
     */
    Change patch(Random random, Graph served, Graph asserted) {
      int kind = random.nextInt(3);
      Set<Triple> added = new HashSet<>();
      Set<Triple> removed = new HashSet<>();
      if (kind != 1) {
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
          Triple t = statement(random);
          if (!served.contains(t)) {
            added.add(t);
          }
        }
      }
      if (kind != 0) {
        List<Triple> candidates = new ArrayList<>();
        for (Node p : PREDICATES) {
          asserted
              .find(Node.ANY, p, Node.ANY)
              .filterKeep(t -> nodes.contains(t.getSubject()))
              .forEach(candidates::add);
        }
        candidates.sort((a, b) -> a.toString().compareTo(b.toString()));
        int n = Math.min(candidates.size(), 1 + random.nextInt(6));
        for (int i = 0; i < n; i++) {
          removed.add(candidates.get(random.nextInt(candidates.size())));
        }
      }
      return new Change(added, removed);
    }

    private static Node pick(Random random, List<Node> from) {
      return from.get(random.nextInt(from.size()));
    }
  }
}
