package org.dgov.server;

import java.util.Optional;
import java.util.Set;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.util.Context;

/**
 * Work inside one row that the query timeout cannot interrupt is bounded: every query on a dataset
 * whose context carries this has, before ARQ's own optimizer (whose constant folding already
 * evaluates), its {@code REGEX} and {@code REPLACE} run by RE2/J in linear time, and every function
 * that can return a longer string than it was given ({@code CONCAT}, {@code REPLACE}, {@code
 * UCASE}, {@code LCASE}, {@code ENCODE_FOR_URI}, extension functions) bounded by {@link
 * ValueTooLarge#MAX_CHARS} each and {@link ValueTooLarge#MAX_CHARS_PER_QUERY} in all. Extension
 * functions that build or wait without bound in one call are refused with 400, and so are {@code
 * java:} functions and property functions, which ARQ would load as classes by name; {@code
 * apf:strSplit} splits in linear time too ({@link PropertyFunctions}).
 */
final class BoundedEvaluation extends ExprTransformCopy {

  private static final String FN = "http://www.w3.org/2005/xpath-functions#";

  /**
   * ARQ's functions that do unbounded work in one call: {@code sprintf} pads to any width, {@code
   * wait} sleeps, {@code strjoin} joins any number of arguments.
   */
  private static final Set<String> REFUSED = Set.of("sprintf", "wait", "strjoin");

  private BoundedEvaluation() {
    super(COPY_ONLY_ON_CHANGE);
  }

  /** Makes every query on the dataset of {@code context} bounded, then optimized as before. */
  static void install(Context context) {
    RewriteFactory bounded =
        queryContext -> {
          ValueTooLarge.startCount(queryContext);
          return op -> Optimize.getFactory().create(queryContext).rewrite(bound(op));
        };
    context.set(ARQConstants.sysOptimizerFactory, bounded);
    PropertyFunctions.install(context);
  }

  /**
   * Why {@code query} is refused, if it is, told before the query takes a slot: a regular
   * expression RE2/J cannot run or a refused function.
   */
  static Optional<String> refusal(Query query) {
    try {
      bound(Algebra.compile(query));
      return Optional.empty();
    } catch (ActionErrorException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** {@code op} with its expressions bounded. */
  static Op bound(Op op) {
    return Transformer.transform(new TransformCopy(), new BoundedEvaluation(), op);
  }

  @Override
  public Expr transform(ExprFunction1 func, Expr arg) {
    Expr copy = super.transform(func, arg);
    return func instanceof E_StrUpperCase
            || func instanceof E_StrLowerCase
            || func instanceof E_StrEncodeForURI
        ? new BoundedResult(copy)
        : copy;
  }

  @Override
  public Expr transform(ExprFunctionN func, ExprList args) {
    if (func instanceof E_Regex) {
      return new LinearRegex(args);
    }
    if (func instanceof E_StrReplace) {
      return new LinearReplace(args);
    }
    if (func instanceof E_StrConcat) {
      return new BoundedConcat(args);
    }
    if (func instanceof E_Function call) {
      String iri = call.getFunctionIRI();
      String name = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('.')) + 1);
      if (iri.startsWith("java:") || REFUSED.contains(name)) {
        throw new ActionErrorException(
            400,
            "the function <"
                + iri
                + "> is not allowed here, since one call can take unbounded time or memory: use CONCAT, SUBSTR and the SPARQL string functions",
            null);
      }
      return switch (iri) {
        case FN + "matches" -> new LinearRegex(args);
        case FN + "replace" -> new LinearReplace(args);
        case FN + "concat" -> new BoundedConcat(args);
        default -> new BoundedResult(super.transform(func, args));
      };
    }
    return super.transform(func, args);
  }
}
