package org.dgov.graph;

/** Where a resource's description starts: a file (as shown to the user) and a line. */
public record Location(String file, long line) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
