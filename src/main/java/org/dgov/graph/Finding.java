package org.dgov.graph;

/**
 * One problem with one resource, in a curator's words.
 *
 * @param focus the resource's IRI
 * @param label its English label, or its IRI where it has none
 * @param path the property concerned, in prefixed form, or empty
 * @param value the offending value, or empty
 * @param message what is wrong, in plain words
 * @param severity Violation, Warning or Info
 * @param location where the resource is described, or null
 */
public record Finding(
    String focus,
    String label,
    String path,
    String value,
    String message,
    String severity,
    Location location) {

  /** One line per finding: where, what, which property, what is wrong. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    line.append(location == null ? "(no file)" : location.toString()).append(": ");
    line.append(severity).append(": ").append(label);
    if (!label.equals(focus)) {
      line.append(" <").append(focus).append('>');
    }
    if (!path.isEmpty()) {
      line.append(" — ").append(path);
    }
    if (!value.isEmpty()) {
      line.append(" = ").append(value);
    }
    return line.append(": ").append(message).toString();
  }
}
