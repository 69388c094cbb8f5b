package org.dgov.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.validation.ReportEntry;

/**
 * One problem with one resource: a SHACL validation result as RDF nodes (focus node, path, value,
 * source shape, constraint component, severity, message), with what a curator needs beside it: the
 * resource's English label and where it is described. The checks SHACL cannot express give results
 * of the same form, with components of their own ({@link Checks}). Words are made of it only at the
 * edge, by {@link ReportFormats}.
 *
 * @param result the validation result
 * @param label the focus node's English label, or its IRI where it has none
 * @param location where the focus node is described, or null
 */
public record Finding(ReportEntry result, String label, Location location) {

  public Node focus() {
    return result.focusNode();
  }

  public String message() {
    return result.message();
  }

  /** The line {@code validate} prints for this finding. */
  @Override
  public String toString() {
    return ReportFormats.line(this);
  }
}
