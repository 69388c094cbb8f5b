package org.dgov.server;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.sse.Tags;

/**
 * SPARQL {@code REGEX} evaluated by RE2/J, whose time is linear in the input for every pattern:
 * Java's engine backtracks, polynomially ({@code a*a*a*a*b}) or exponentially ({@code (a+)+}), and
 * cannot be interrupted by the query timeout. RE2/J has no back-references or look-around; a
 * pattern that uses them is refused with 400.
 */
final class LinearRegex extends ExprFunctionN {

  /** The pattern, compiled once when the query gives it as a constant. */
  private final Pattern constant;

  LinearRegex(ExprList args) {
    super(Tags.tagRegex, args);
    this.constant = constantPattern(args.getList().subList(1, args.size()));
  }

  @Override
  public NodeValue eval(List<NodeValue> args) {
    String text =
        NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0)).getLiteralLexicalForm();
    Pattern pattern = constant != null ? constant : compile(args.subList(1, args.size()));
    return NodeValue.makeBoolean(pattern.matcher(text).find());
  }

  @Override
  public Expr copy(ExprList args) {
    return new LinearRegex(args);
  }

  /**
   * {@code patternAndFlags} compiled, if all are constants that make a pattern, else null (to be
   * evaluated, and fail, row by row as SPARQL says); a pattern RE2/J cannot run is refused at once.
   */
  static Pattern constantPattern(List<Expr> patternAndFlags) {
    if (!patternAndFlags.stream().allMatch(Expr::isConstant)) {
      return null;
    }
    try {
      return compile(patternAndFlags.stream().map(Expr::getConstant).toList());
    } catch (ExprEvalException e) {
      return null;
    }
  }

  /**
   * The pattern and the optional XPath flags in {@code patternAndFlags}, compiled: {@code i},
   * {@code s}, {@code m} as in Java, {@code q} quotes the pattern, {@code x} drops its whitespace.
   */
  static Pattern compile(List<NodeValue> patternAndFlags) {
    String pattern =
        NodeValueOps.checkAndGetStringLiteral("REGEX", patternAndFlags.get(0))
            .getLiteralLexicalForm();
    String flags =
        patternAndFlags.size() > 1
            ? NodeValueOps.checkAndGetStringLiteral("REGEX", patternAndFlags.get(1))
                .getLiteralLexicalForm()
            : "";
    int mask = 0;
    for (char flag : flags.toCharArray()) {
      switch (flag) {
        case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
        case 's' -> mask |= Pattern.DOTALL;
        case 'm' -> mask |= Pattern.MULTILINE;
        case 'x' -> pattern = pattern.replaceAll("\\s", "");
        case 'q' -> pattern = Pattern.quote(pattern);
        default ->
            throw new ExprEvalException("REGEX: unknown flag '" + flag + "' in \"" + flags + "\"");
      }
    }
    try {
      return Pattern.compile(pattern, mask);
    } catch (PatternSyntaxException e) {
      throw new ActionErrorException(
          400,
          "the regular expression \""
              + pattern
              + "\" is not supported: "
              + e.getDescription()
              + " (regular expressions here run in linear time, without back-references or look-around)",
          null);
    }
  }
}
