package org.dgov.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the server says about one resource: its statements with their blank-node closure (the
 * evidence), the statements that point at it, a concise bounded description of every blank node
 * among them (an evidence node that attests the resource comes with its page, quote or source and
 * the statement it is evidence for), the labels of every resource they mention, and the licence the
 * document is published under.
 */
final class Description {

  private static final Node DATASET = NodeFactory.createURI(UrlLayout.iri("dgov-kg"));

  private Description() {}

  /** The description of {@code resource} in {@code graph}, published as {@code document}. */
  static Graph of(Graph graph, Node resource, Node document) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
    Deque<Node> todo = new ArrayDeque<>();
    Set<Node> seen = new HashSet<>();
    todo.add(resource);
    for (Triple t : graph.find(Node.ANY, Node.ANY, resource).toList()) {
      out.add(t);
      if (t.getSubject().isBlank()) {
        todo.add(t.getSubject());
      }
    }
    while (!todo.isEmpty()) {
      Node subject = todo.pop();
      if (!seen.add(subject)) {
        continue;
      }
      for (Triple t : graph.find(subject, Node.ANY, Node.ANY).toList()) {
        out.add(t);
        if (t.getObject().isBlank()) {
          todo.add(t.getObject());
        }
      }
      if (subject.isBlank()) {
        // what the blank node belongs to, one step up: named, or itself blank and described too
        for (Triple t : graph.find(Node.ANY, Node.ANY, subject).toList()) {
          out.add(t);
          if (t.getSubject().isBlank()) {
            todo.add(t.getSubject());
          }
        }
      }
    }
    for (Node mentioned : mentioned(out)) {
      if (!mentioned.equals(resource)) {
        graph.find(mentioned, RDFS.label.asNode(), Node.ANY).forEach(out::add);
        graph.find(mentioned, SKOS.altLabel.asNode(), Node.ANY).forEach(out::add);
      }
    }
    license(graph).ifPresent(l -> out.add(Triple.create(document, DCTerms.license.asNode(), l)));
    return out;
  }

  /** The licence of the dataset ({@code dcterms:license} in {@code data/dataset.ttl}). */
  static Optional<Node> license(Graph graph) {
    return graph
        .find(DATASET, DCTerms.license.asNode(), Node.ANY)
        .mapWith(Triple::getObject)
        .nextOptional();
  }

  private static Set<Node> mentioned(Graph graph) {
    Set<Node> nodes = new HashSet<>();
    graph
        .find()
        .forEach(
            t -> {
              for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (n.isURI()) {
                  nodes.add(n);
                }
              }
            });
    return nodes;
  }
}
