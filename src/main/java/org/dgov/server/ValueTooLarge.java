package org.dgov.server;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * A value built while a query runs grew past {@link #MAX_CHARS}, or all the values it built past
 * {@link #MAX_CHARS_PER_QUERY} (rows that hold a large value each, sorted or grouped, fill the heap
 * as one large value does): the query ends with 400. Not an {@code ExprEvalException}, which SPARQL
 * turns into an unbound variable or a false filter and lets the query go on; Fuseki answers an
 * {@link ActionErrorException} with its status.
 */
final class ValueTooLarge extends ActionErrorException {

  /** The longest string or IRI, in characters, that an expression may build: 1 Mi. */
  static final int MAX_CHARS = 1 << 20;

  /** The characters that the functions of one query may build in all: 32 Mi. */
  static final long MAX_CHARS_PER_QUERY = 32L << 20;

  /** Where a query's context counts the characters built so far. */
  private static final Symbol BUILT = Symbol.create("urn:dgov:server:charactersBuilt");

  private ValueTooLarge(String message) {
    super(400, message, null);
  }

  private ValueTooLarge() {
    this(
        "a value in this query grows past "
            + MAX_CHARS
            + " characters (1 MB): build smaller strings, or filter before concatenating");
  }

  /** Starts the count of the characters that the query of {@code context} builds. */
  static void startCount(Context context) {
    context.set(BUILT, new AtomicLong());
  }

  /**
   * {@code value}, counted against the query's {@link #MAX_CHARS_PER_QUERY}; {@code env} is null
   * when ARQ folds constants before the query runs, and its values are then built once.
   */
  static NodeValue charge(NodeValue value, FunctionEnv env) {
    AtomicLong built = env == null ? null : env.getContext().get(BUILT);
    if (built != null && built.addAndGet(length(value)) > MAX_CHARS_PER_QUERY) {
      throw new ValueTooLarge(
          "the values this query builds pass "
              + MAX_CHARS_PER_QUERY
              + " characters in all: build fewer or smaller strings, or filter first");
    }
    return value;
  }

  /** {@code value}, if its text is within the limit. */
  static NodeValue check(NodeValue value) {
    return require(length(value), value);
  }

  private static int length(NodeValue value) {
    Node node = value.asNode();
    return node.isLiteral()
        ? node.getLiteralLexicalForm().length()
        : node.isURI() ? node.getURI().length() : 0;
  }

  /** {@code value}, if {@code length} is within the limit. */
  static <T> T require(long length, T value) {
    if (length > MAX_CHARS) {
      throw new ValueTooLarge();
    }
    return value;
  }
}
