package org.dgov.server;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * The value of a function that can return more than it was given ({@code UCASE}, {@code
 * ENCODE_FOR_URI}, extension functions), refused when longer than {@link ValueTooLarge#MAX_CHARS}.
 * Such a function grows its input by a bounded factor, so a chain of them stops at the first step
 * past the limit.
 */
final class BoundedResult extends ExprFunction1 {

  BoundedResult(Expr function) {
    super(function, "bounded");
  }

  @Override
  public NodeValue eval(NodeValue value) {
    return ValueTooLarge.check(value);
  }

  @Override
  public NodeValue eval(NodeValue value, FunctionEnv env) {
    return ValueTooLarge.charge(eval(value), env);
  }

  @Override
  public Expr copy(Expr function) {
    return new BoundedResult(function);
  }
}
