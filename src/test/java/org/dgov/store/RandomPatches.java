package org.dgov.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.graph.Change;
import org.dgov.vocab.DGOV;

/**
 * Random exact patches (each adds only what is not served and removes only what is asserted) of the
 * statements the closure and the rules read, drawn on a set of resources: the curated graph's
 * mechanisms, instruments and events with a few new ones, or a small synthetic set.
 */
public final class RandomPatches {

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

  private final List<Node> nodes;
  private final List<Node> topics;
  private final List<Node> modes;

  private RandomPatches(List<Node> nodes, List<Node> topics, List<Node> modes) {
    this.nodes = nodes;
    this.topics = topics;
    this.modes = modes;
  }

  public static RandomPatches of(Graph served) {
    Set<Node> nodes = new HashSet<>();
    for (Node c :
        List.of(DGOV.GovernanceMechanism.asNode(), DGOV.Instrument.asNode(), DGOV.Event.asNode())) {
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
    return new RandomPatches(sorted, sortedTopics, knownModes());
  }

  public static RandomPatches synthetic() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      nodes.add(NodeFactory.createURI(DGOV.ID + "s" + i));
    }
    List<Node> topics = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      topics.add(NodeFactory.createURI(DGOV.ID + "topic-" + i));
    }
    return new RandomPatches(nodes, topics, knownModes());
  }

  private static List<Node> knownModes() {
    return List.of(
        NodeFactory.createURI(DGOV.ID + "intergovernmental-cooperation"),
        NodeFactory.createURI(DGOV.ID + "multistakeholder"),
        NodeFactory.createURI(DGOV.ID + "some-other-mode"));
  }

  /** A statement of a kind the closure or the rules read, about this universe's resources. */
  public Triple statement(Random random) {
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
   * An exact patch: up to six new statements (none served yet) and up to six asserted ones removed,
   * adds only, deletes only or both.
   */
  public Change patch(Random random, Graph served, Graph asserted) {
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
