package org.dgov.server;

import java.util.List;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * SPARQL {@code CONCAT} that refuses, before building it, a result longer than {@link
 * ValueTooLarge#MAX_CHARS}: each argument is within the limit, but many of them, or one doubled row
 * after row through {@code BIND}, are not.
 */
final class BoundedConcat extends E_StrConcat {

  BoundedConcat(ExprList args) {
    super(args);
  }

  @Override
  public NodeValue eval(List<NodeValue> args) {
    long length = 0;
    for (NodeValue arg : args) {
      length += arg.asNode().isLiteral() ? arg.asNode().getLiteralLexicalForm().length() : 0;
    }
    return super.eval(ValueTooLarge.require(length, args));
  }

  @Override
  public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
    return ValueTooLarge.charge(eval(args), env);
  }

  @Override
  public Expr copy(ExprList args) {
    return new BoundedConcat(args);
  }
}
