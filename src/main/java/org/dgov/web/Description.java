package org.dgov.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the server says about one resource: its statements with their blank-node closure (the
 * evidence), the statements that point at it, and the labels of every resource they mention.
 */
final class Description {

  private Description() {}

  static Graph of(Graph graph, Node resource) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
    Deque<Node> todo = new ArrayDeque<>();
    Set<Node> seen = new HashSet<>();
    todo.add(resource);
    while (!todo.isEmpty()) {
      Node subject = todo.pop();
      if (seen.add(subject)) {
        for (Triple t : graph.find(subject, Node.ANY, Node.ANY).toList()) {
          out.add(t);
          if (t.getObject().isBlank()) {
            todo.add(t.getObject());
          }
        }
      }
    }
    graph.find(Node.ANY, Node.ANY, resource).forEach(out::add);
    for (Node mentioned : mentioned(out)) {
      if (!mentioned.equals(resource)) {
        graph.find(mentioned, RDFS.label.asNode(), Node.ANY).forEach(out::add);
        graph.find(mentioned, SKOS.altLabel.asNode(), Node.ANY).forEach(out::add);
      }
    }
    return out;
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
