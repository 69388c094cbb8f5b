package org.dgov.server;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.util.IterLib;

/**
 * ARQ's {@code apf:strSplit} ({@code ?part apf:strSplit (text pattern)}) with the pattern run by
 * RE2/J, in time linear in the text: ARQ's own splits with Java's backtracking engine, which the
 * query timeout cannot interrupt. Pieces are trimmed, as ARQ's are.
 */
final class LinearSplit extends PFuncSimpleAndList {

  @Override
  public void build(
      PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext context) {
    super.build(subject, predicate, object, context);
    if (object.getArgListSize() != 2) {
      throw new QueryBuildException("apf:strSplit takes two arguments: (text pattern)");
    }
  }

  @Override
  public QueryIterator execEvaluated(
      Binding binding, Node subject, Node predicate, PropFuncArg object, ExecutionContext context) {
    Node text = object.getArg(0);
    Node pattern = object.getArg(1);
    if (!text.isLiteral() || !pattern.isLiteral()) {
      return IterLib.noResults(context);
    }
    List<String> pieces =
        Arrays.stream(compile(pattern.getLiteralLexicalForm()).split(text.getLiteralLexicalForm()))
            .map(String::trim)
            .toList();
    if (Var.isVar(subject)) {
      Var var = Var.alloc(subject);
      return QueryIterPlainWrapper.create(
          Iter.map(
              pieces.iterator(),
              piece ->
                  BindingFactory.binding(binding, var, NodeFactory.createLiteralString(piece))),
          context);
    }
    return subject.isLiteral() && pieces.contains(subject.getLiteralLexicalForm())
        ? IterLib.result(binding, context)
        : IterLib.noResults(context);
  }

  private static Pattern compile(String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new ActionErrorException(
          400,
          "the regular expression \""
              + pattern
              + "\" of apf:strSplit is not supported: "
              + e.getDescription()
              + " (regular expressions here run in linear time, without back-references or look-around)",
          null);
    }
  }
}
