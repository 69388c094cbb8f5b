package org.dgov.server;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * Refuses regular expressions that can backtrack catastrophically: a repeated group that itself
 * repeats or alternates, such as {@code (a+)+} or {@code (x|x)*}. Java's regex engine cannot be
 * interrupted, so the query timeout would not stop them.
 */
final class RegexSafety {

  /** A group containing a quantifier or an alternation, followed by a quantifier. */
  private static final Pattern NESTED =
      Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}|](?:[^()\\\\]|\\\\.)*\\)[+*{]");

  private RegexSafety() {}

  /** Why {@code sparql} is refused, if it is; queries that do not parse are left to Fuseki. */
  static Optional<String> check(String sparql) {
    Query query;
    try {
      query = QueryFactory.create(sparql);
    } catch (QueryParseException e) {
      return Optional.empty();
    }
    String[] found = {null};
    ExprVisitorBase visitor =
        new ExprVisitorBase() {
          @Override
          public void visit(ExprFunctionN func) {
            inspect(func);
          }

          @Override
          public void visit(org.apache.jena.sparql.expr.ExprFunction3 func) {
            inspect(func);
          }

          @Override
          public void visit(org.apache.jena.sparql.expr.ExprFunction2 func) {
            inspect(func);
          }

          private void inspect(ExprFunction func) {
            if (func instanceof E_Regex || func instanceof E_StrReplace) {
              Expr pattern = func.getArg(2);
              if (pattern != null
                  && pattern.isConstant()
                  && NESTED.matcher(pattern.getConstant().asUnquotedString()).find()) {
                found[0] = pattern.getConstant().asUnquotedString();
              }
            }
          }
        };
    Walker.walk(Algebra.compile(query), new OpVisitorBase(), visitor);
    return Optional.ofNullable(found[0])
        .map(
            p ->
                "the regular expression \""
                    + p
                    + "\" repeats a group that itself repeats or alternates, which can take exponential time: rewrite it without nested repetition");
  }
}
