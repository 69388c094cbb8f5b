package org.dgov.server;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.sse.Tags;

/**
 * SPARQL {@code REPLACE} evaluated by RE2/J in linear time (see {@link LinearRegex}), its result
 * checked against {@link ValueTooLarge#MAX_CHARS} while it is built, so that a replacement that
 * multiplies the input stops before the heap fills. The replacement follows XPath: {@code $n} is
 * group n, {@code \$} and {@code \\} stand for themselves.
 */
final class LinearReplace extends ExprFunctionN {

  private final Pattern constant;

  LinearReplace(ExprList args) {
    super(Tags.tagReplace, args);
    this.constant = LinearRegex.constantPattern(patternAndFlags(args.getList()));
  }

  @Override
  public NodeValue eval(List<NodeValue> args) {
    Node input = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
    String replacement =
        NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
    Pattern pattern = constant != null ? constant : LinearRegex.compile(patternAndFlags(args));
    String text = input.getLiteralLexicalForm();
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      out.append(text, last, matcher.start());
      expand(replacement, matcher, out);
      ValueTooLarge.require(out.length(), out);
      last = matcher.end();
    }
    out.append(text, last, text.length());
    String result = ValueTooLarge.require(out.length(), out).toString();
    return input.getLiteralLanguage().isEmpty()
        ? NodeValue.makeString(result)
        : NodeValue.makeLangString(result, input.getLiteralLanguage());
  }

  @Override
  public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
    return ValueTooLarge.charge(eval(args), env);
  }

  /** Appends {@code replacement} for the current match of {@code matcher} to {@code out}. */
  private static void expand(String replacement, Matcher matcher, StringBuilder out) {
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (c == '\\') {
        if (i + 1 == replacement.length() || "\\$".indexOf(replacement.charAt(i + 1)) < 0) {
          throw new ExprEvalException("REPLACE: '\\' must be followed by '\\' or '$'");
        }
        out.append(replacement.charAt(++i));
      } else if (c == '$') {
        int start = i + 1;
        int group = -1;
        // the longest run of digits that names a group, as XPath reads "$12"
        for (int j = start;
            j < replacement.length() && Character.isDigit(replacement.charAt(j));
            j++) {
          int n = Integer.parseInt(replacement.substring(start, j + 1));
          if (n > matcher.groupCount() && group >= 0) {
            break;
          }
          group = n;
          i = j;
        }
        if (group < 0) {
          throw new ExprEvalException("REPLACE: '$' must be followed by a group number");
        }
        if (group <= matcher.groupCount() && matcher.group(group) != null) {
          out.append(matcher.group(group));
        }
      } else {
        out.append(c);
      }
    }
  }

  /** The pattern and flags of REPLACE(input, pattern, replacement, flags?). */
  private static <T> List<T> patternAndFlags(List<T> args) {
    return args.size() > 3 ? List.of(args.get(1), args.get(3)) : List.of(args.get(1));
  }

  @Override
  public Expr copy(ExprList args) {
    return new LinearReplace(args);
  }
}
