package org.dgov.server;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * A value built while a query runs grew past {@link #MAX_CHARS}: the query ends with 400. Not an
 * {@code ExprEvalException}, which SPARQL turns into an unbound variable or a false filter and lets
 * the query go on; Fuseki answers an {@link ActionErrorException} with its status.
 */
final class ValueTooLarge extends ActionErrorException {

  /** The longest string or IRI, in characters, that an expression may build: 1 Mi. */
  static final int MAX_CHARS = 1 << 20;

  ValueTooLarge() {
    super(
        400,
        "a value in this query grows past "
            + MAX_CHARS
            + " characters (1 MB): build smaller strings, or filter before concatenating",
        null);
  }

  /** {@code value}, if its text is within the limit. */
  static NodeValue check(NodeValue value) {
    Node node = value.asNode();
    int length =
        node.isLiteral()
            ? node.getLiteralLexicalForm().length()
            : node.isURI() ? node.getURI().length() : 0;
    return require(length, value);
  }

  /** {@code value}, if {@code length} is within the limit. */
  static <T> T require(long length, T value) {
    if (length > MAX_CHARS) {
      throw new ValueTooLarge();
    }
    return value;
  }
}
