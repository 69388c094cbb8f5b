package org.dgov.graph;

import java.util.List;

/** The outcome of validating a graph: it conforms when there are no findings. */
public record Report(List<Finding> findings) {

  public boolean conforms() {
    return findings.isEmpty();
  }
}
