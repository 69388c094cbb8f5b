package org.dgov.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.Element1;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * How big a query may be before any recursive code touches it: the parser, ARQ's algebra and its
 * walkers recurse once per level of nesting, so a query nested deeper than a thread's stack (a
 * 30,000-term {@code UNION}, 60,000 {@code &&}) would end in a {@link StackOverflowError}, and
 * parsing, which the query timeout cannot stop, takes time in proportion to the text. Checked in
 * two steps, each iterative: the text (length, and depth of brackets, which bounds the parser's
 * recursion) before it is parsed, then the syntax tree (depth as ARQ's algebra will nest it, cells
 * of {@code VALUES}) before it is compiled.
 *
 * @param maxChars the longest query text, in characters
 * @param maxDepth the deepest nesting: each level of an expression or a property path counts one, a
 *     group {@value #GROUP_WEIGHT} plus its number of elements (each one wraps the ones before it
 *     in the algebra), a {@code UNION} its number of branches
 * @param maxValuesCells the most cells (rows times variables) of all {@code VALUES} blocks together
 */
record QueryBounds(int maxChars, int maxDepth, int maxValuesCells) {

  /**
   * What a nested group costs: ARQ spends about four times the stack on a level of braces as on a
   * level of an expression.
   */
  static final int GROUP_WEIGHT = 4;

  /**
   * The deepest brackets the parser is given: it recurses through a dozen rules per level of
   * parentheses, so this is a quarter of {@code maxDepth}.
   */
  int maxBrackets() {
    return Math.max(1, maxDepth / GROUP_WEIGHT);
  }

  /** Refuses {@code sparql} (413 too long, 400 too deep) before it is parsed. */
  void checkText(String sparql) {
    if (sparql.length() > maxChars) {
      throw new ActionErrorException(
          413,
          "the query is "
              + sparql.length()
              + " characters long, over the limit of "
              + maxChars
              + ": send a shorter query (for long lists of values, narrow the query instead)",
          null);
    }
    int depth = bracketDepth(sparql);
    if (depth > maxBrackets()) {
      throw tooDeep("its brackets nest " + depth + " deep, over the limit of " + maxBrackets());
    }
  }

  /** Refuses {@code query} (400) when it nests too deep or holds too many values. */
  void checkTree(Query query) {
    Deque<Level> todo = new ArrayDeque<>();
    int cells = cells(query.getValuesVariables(), query.getValuesData());
    push(todo, query, 1);
    while (!todo.isEmpty()) {
      Level level = todo.pop();
      if (level.depth() > maxDepth) {
        throw tooDeep("it nests deeper than the limit of " + maxDepth);
      }
      cells += children(level, todo);
      if (cells > maxValuesCells) {
        throw new ActionErrorException(
            400,
            "the query's VALUES hold more than "
                + maxValuesCells
                + " cells (rows times variables): send fewer values, or several queries",
            null);
      }
    }
  }

  private static ActionErrorException tooDeep(String why) {
    return new ActionErrorException(
        400,
        "the query is nested too deeply to be run: "
            + why
            + " (a long chain of UNION, && or || counts one level per term): split it into several"
            + " queries, or use VALUES or IN for a list of alternatives",
        null);
  }

  /** One node of the syntax tree to visit, at its depth. */
  private record Level(Object node, int depth) {}

  /**
   * Pushes the children of {@code level}'s node onto {@code todo}; returns the cells of {@code
   * VALUES} the node holds itself.
   */
  private static int children(Level level, Deque<Level> todo) {
    Object node = level.node();
    int next = level.depth() + 1;
    if (node instanceof Query query) {
      push(todo, query.getQueryPattern(), next);
      query.getProject().getExprs().values().forEach(e -> push(todo, e, next));
      query.getGroupBy().getExprs().values().forEach(e -> push(todo, e, next));
      query.getHavingExprs().forEach(e -> push(todo, e, next));
      if (query.getOrderBy() != null) {
        query.getOrderBy().stream()
            .map(SortCondition::getExpression)
            .forEach(e -> push(todo, e, next));
      }
    } else if (node instanceof ElementGroup group) {
      int inside = level.depth() + GROUP_WEIGHT + group.size();
      group.getElements().forEach(e -> push(todo, e, inside));
    } else if (node instanceof ElementUnion union) {
      int inside = level.depth() + union.getElements().size();
      union.getElements().forEach(e -> push(todo, e, inside));
    } else if (node instanceof Element element) {
      return elementChildren(element, next, todo);
    } else if (node instanceof ExprFunctionOp exists) {
      push(todo, exists.getElement(), next);
    } else if (node instanceof ExprAggregator aggregate) {
      if (aggregate.getAggregator().getExprList() != null) {
        aggregate.getAggregator().getExprList().forEach(e -> push(todo, e, next));
      }
    } else if (node instanceof ExprFunction function) {
      function.getArgs().forEach(e -> push(todo, e, next));
    } else if (node instanceof P_Path1 path) {
      push(todo, path.getSubPath(), next);
    } else if (node instanceof P_Path2 path) {
      push(todo, path.getLeft(), next);
      push(todo, path.getRight(), next);
    }
    return 0;
  }

  private static int elementChildren(Element element, int next, Deque<Level> todo) {
    if (element instanceof ElementPathBlock block) {
      block.getPattern().getList().stream()
          .map(TriplePath::getPath)
          .forEach(p -> push(todo, p, next));
    } else if (element instanceof ElementFilter filter) {
      push(todo, filter.getExpr(), next);
    } else if (element instanceof ElementBind bind) {
      push(todo, bind.getExpr(), next);
    } else if (element instanceof ElementAssign assign) {
      push(todo, assign.getExpr(), next);
    } else if (element instanceof ElementOptional optional) {
      push(todo, optional.getOptionalElement(), next);
    } else if (element instanceof ElementMinus minus) {
      push(todo, minus.getMinusElement(), next);
    } else if (element instanceof ElementLateral lateral) {
      push(todo, lateral.getLateralElement(), next);
    } else if (element instanceof ElementNamedGraph graph) {
      push(todo, graph.getElement(), next);
    } else if (element instanceof ElementService service) {
      push(todo, service.getElement(), next);
    } else if (element instanceof Element1 one) {
      push(todo, one.getElement(), next);
    } else if (element instanceof ElementSubQuery sub) {
      push(todo, sub.getQuery(), next);
      return cells(sub.getQuery().getValuesVariables(), sub.getQuery().getValuesData());
    } else if (element instanceof ElementData data) {
      return cells(data.getVars(), data.getRows());
    }
    return 0;
  }

  private static void push(Deque<Level> todo, Object node, int depth) {
    if (node instanceof Element
        || node instanceof Expr
        || node instanceof Path
        || node instanceof Query) {
      todo.push(new Level(node, depth));
    }
  }

  private static int cells(List<?> vars, List<?> rows) {
    return rows == null ? 0 : rows.size() * Math.max(1, vars.size());
  }

  /**
   * The deepest nesting of {@code ( [ {} in {@code sparql}, outside strings, comments and IRIs,
   * read as SPARQL's lexer reads them.
   */
  static int bracketDepth(String sparql) {
    int depth = 0;
    int deepest = 0;
    int i = 0;
    int n = sparql.length();
    while (i < n) {
      char c = sparql.charAt(i);
      if (c == '"' || c == '\'') {
        i = afterString(sparql, i);
      } else if (c == '#') {
        int end = sparql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '<') {
        i = afterIri(sparql, i);
      } else {
        if (c == '(' || c == '{' || c == '[') {
          deepest = Math.max(deepest, ++depth);
        } else if (c == ')' || c == '}' || c == ']') {
          depth = Math.max(0, depth - 1);
        }
        i++;
      }
    }
    return deepest;
  }

  /** The index after the string literal opening at {@code start} (short or long form). */
  private static int afterString(String s, int start) {
    char quote = s.charAt(start);
    String triple = String.valueOf(quote).repeat(3);
    boolean isLong = s.startsWith(triple, start);
    int i = start + (isLong ? 3 : 1);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (isLong ? s.startsWith(triple, i) : c == quote) {
        return i + (isLong ? 3 : 1);
      } else if (!isLong && c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }

  /**
   * The index after the IRI opening at {@code start}, if one does ({@code <} followed by IRI
   * characters and {@code >}), else after the {@code <}, which is then an operator.
   */
  private static int afterIri(String s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (c <= ' ' || "<\"{}|^`\\".indexOf(c) >= 0) {
        break;
      }
    }
    return start + 1;
  }
}
