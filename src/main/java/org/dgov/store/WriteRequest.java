package org.dgov.store;

import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Who asks for a write and what they say about it: the authenticated user, the message that goes
 * into the history, and the entries the write deletes on purpose (a write that removes a described
 * resource not named here is refused).
 */
public record WriteRequest(String user, String message, Set<Node> deletions) {

  public WriteRequest {
    deletions = Set.copyOf(deletions);
  }
}
