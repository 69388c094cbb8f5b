package org.dgov.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDisjunction;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;

/**
 * What a SHACL-SPARQL constraint reads, from its query's algebra: every triple pattern and property
 * path, in the main pattern and inside {@code OPTIONAL}, {@code UNION}, {@code MINUS}, {@code
 * FILTER [NOT] EXISTS} and {@code BIND(EXISTS …)}, with the {@code VALUES} that bind its variables
 * for the whole query. The patterns are joined to {@code $this} by their shared variables in a tree
 * (each pattern hangs from the pattern that first reached one of its variables); a changed
 * statement that matches a pattern reaches the {@code $this} values from which the chain of
 * patterns above it leads to it, evaluated on the graph after the change. That is enough: where a
 * statement of that chain changed too, the change nearest to {@code $this} is itself a changed
 * statement matching its pattern, whose chain is the rest of this one.
 */
final class SparqlReads {

  private static final Var THIS = Var.alloc("this");

  private SparqlReads() {}

  /** The reads of {@code query} for a constraint whose {@code $this} is at {@code at}. */
  static List<Read> of(Query query, Path at) throws ShapeReads.Unfollowed {
    Op op = Algebra.compile(query);
    while (op instanceof OpProject
        || op instanceof OpDistinct
        || op instanceof OpReduced
        || op instanceof OpSlice
        || op instanceof OpOrder) {
      op = ((Op1) op).getSubOp();
    }
    Set<TriplePath> patterns = new LinkedHashSet<>();
    collect(op, patterns);
    Map<Var, Set<Node>> values = new HashMap<>();
    values(op, values);
    // the tree: each variable with the pattern that first reached it
    Map<Var, TriplePath> reachedBy = new LinkedHashMap<>();
    reachedBy.put(THIS, null);
    Map<TriplePath, Var> hangsFrom = new LinkedHashMap<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TriplePath pattern : patterns) {
        if (hangsFrom.containsKey(pattern)) {
          continue;
        }
        Var joined =
            reachedBy.keySet().stream().filter(vars(pattern)::contains).findFirst().orElse(null);
        if (joined != null) {
          hangsFrom.put(pattern, joined);
          for (Var v : vars(pattern)) {
            if (!reachedBy.containsKey(v)) { // $this is reached by no pattern: null
              reachedBy.put(v, pattern);
            }
          }
          grew = true;
        }
      }
    }
    if (hangsFrom.size() < patterns.size()) {
      throw new ShapeReads.Unfollowed("a pattern not joined to $this in " + query);
    }
    List<Read> reads = new ArrayList<>();
    for (Map.Entry<TriplePath, Var> e : hangsFrom.entrySet()) {
      List<TriplePath> chain = new ArrayList<>();
      for (TriplePath p = reachedBy.get(e.getValue());
          p != null;
          p = reachedBy.get(hangsFrom.get(p))) {
        chain.add(p);
      }
      TriplePath pattern = e.getKey();
      Set<Read> links = new LinkedHashSet<>();
      if (!pattern.isTriple()) {
        boolean fromSubject = pattern.getSubject().equals(e.getValue());
        Path path = fromSubject ? pattern.getPath() : PathFactory.pathInverse(pattern.getPath());
        ShapeReads.links(path, null, false, links);
      }
      reads.add(
          new PatternRead(
              at, pattern, e.getValue(), List.copyOf(links), List.copyOf(chain), values));
    }
    return reads;
  }

  /**
   * A triple pattern or path of the query, {@code joined} to the chain of patterns that lead to
   * {@code $this} by that variable; for a path, the links it reads from the joined end.
   */
  private record PatternRead(
      Path prefix,
      TriplePath pattern,
      Var joined,
      List<Read> links,
      List<TriplePath> chain,
      Map<Var, Set<Node>> values)
      implements Read {

    @Override
    public Collection<Node> places(Triple t, Graph served) {
      List<Binding> rows = new ArrayList<>();
      if (pattern.isTriple()) {
        Binding row = match(pattern.asTriple(), t);
        if (row != null) {
          rows.add(row);
        }
      } else {
        Set<Node> starts = new HashSet<>();
        links.forEach(link -> starts.addAll(link.focusNodes(t, served)));
        starts.forEach(n -> rows.add(BindingBuilder.create().add(joined, n).build()));
      }
      if (rows.isEmpty()) {
        return Set.of();
      }
      Set<Node> focus = new HashSet<>();
      if (chain.isEmpty()) {
        rows.forEach(row -> focus.add(row.get(THIS)));
        return focus;
      }
      ElementGroup where = new ElementGroup();
      ElementData data = new ElementData();
      vars(rows.get(0)).forEach(data::add);
      rows.forEach(data::add);
      where.addElement(data);
      ElementPathBlock block = new ElementPathBlock();
      chain.forEach(block::addTriplePath);
      where.addElement(block);
      Query query = new Query();
      query.setQuerySelectType();
      query.setDistinct(true);
      query.addResultVar(THIS);
      query.setQueryPattern(where);
      RowSet results = QueryExec.graph(served).query(query).select();
      results.forEachRemaining(row -> focus.add(row.get(THIS)));
      return focus;
    }

    /**
     * The binding that makes {@code pattern} match {@code t} within the query's VALUES, or null.
     */
    private Binding match(Triple pattern, Triple t) {
      Map<Var, Node> row = new LinkedHashMap<>();
      Node[] terms = {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()};
      Node[] nodes = {t.getSubject(), t.getPredicate(), t.getObject()};
      for (int i = 0; i < 3; i++) {
        if (terms[i] instanceof Var v) {
          Node bound = row.putIfAbsent(v, nodes[i]);
          if ((bound != null && !bound.equals(nodes[i]))
              || (values.containsKey(v) && !values.get(v).contains(nodes[i]))) {
            return null;
          }
        } else if (!terms[i].equals(nodes[i])) {
          return null;
        }
      }
      BindingBuilder builder = BindingBuilder.create();
      row.forEach(builder::add);
      return builder.build();
    }
  }

  private static List<Var> vars(Binding row) {
    List<Var> vars = new ArrayList<>();
    row.vars().forEachRemaining(vars::add);
    return vars;
  }

  private static Set<Var> vars(TriplePath pattern) {
    Set<Var> vars = new LinkedHashSet<>();
    for (Node n : new Node[] {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()}) {
      if (n instanceof Var v) {
        vars.add(v);
      }
    }
    return vars;
  }

  /** The triple patterns and paths of {@code op}, those in its expressions included. */
  private static void collect(Op op, Set<TriplePath> sink) throws ShapeReads.Unfollowed {
    if (op instanceof OpBGP bgp) {
      bgp.getPattern().forEach(t -> sink.add(new TriplePath(t)));
    } else if (op instanceof OpTriple triple) {
      sink.add(new TriplePath(triple.getTriple()));
    } else if (op instanceof OpPath path) {
      sink.add(path.getTriplePath());
    } else if (op instanceof OpTable || op instanceof OpNull) {
      return;
    } else if (op instanceof OpFilter filter) {
      for (Expr e : filter.getExprs()) {
        collect(e, sink);
      }
      collect(filter.getSubOp(), sink);
    } else if (op instanceof OpExtend extend) {
      for (Expr e : extend.getVarExprList().getExprs().values()) {
        collect(e, sink);
      }
      collect(extend.getSubOp(), sink);
    } else if (op instanceof OpLeftJoin join) {
      if (join.getExprs() != null) {
        for (Expr e : join.getExprs()) {
          collect(e, sink);
        }
      }
      collect(join.getLeft(), sink);
      collect(join.getRight(), sink);
    } else if (op instanceof OpJoin
        || op instanceof OpUnion
        || op instanceof OpMinus
        || op instanceof OpConditional) {
      collect(((Op2) op).getLeft(), sink);
      collect(((Op2) op).getRight(), sink);
    } else if (op instanceof OpSequence || op instanceof OpDisjunction) {
      for (Op sub : ((OpN) op).getElements()) {
        collect(sub, sink);
      }
    } else {
      // GRAPH, SERVICE, sub-queries (their variables are scoped), property functions …
      throw new ShapeReads.Unfollowed("SPARQL " + op.getName());
    }
  }

  private static void collect(Expr e, Set<TriplePath> sink) throws ShapeReads.Unfollowed {
    if (e instanceof ExprFunctionOp exists) {
      collect(exists.getGraphPattern(), sink);
    } else if (e instanceof ExprFunction f) {
      for (Expr arg : f.getArgs()) {
        collect(arg, sink);
      }
    }
  }

  /** The VALUES that bind a variable for the whole of {@code op}: those joined at its top. */
  private static void values(Op op, Map<Var, Set<Node>> sink) {
    if (op instanceof OpTable table) {
      for (Var v : table.getTable().getVars()) {
        Set<Node> nodes = new HashSet<>();
        table.getTable().rows().forEachRemaining(row -> nodes.add(row.get(v)));
        if (!nodes.contains(null)) {
          sink.merge(
              v,
              nodes,
              (a, b) -> {
                Set<Node> both = new HashSet<>(a);
                both.retainAll(b);
                return both;
              });
        }
      }
    } else if (op instanceof OpJoin join) {
      values(join.getLeft(), sink);
      values(join.getRight(), sink);
    } else if (op instanceof OpSequence sequence) {
      sequence.getElements().forEach(sub -> values(sub, sink));
    } else if (op instanceof OpFilter || op instanceof OpExtend) {
      values(((Op1) op).getSubOp(), sink);
    }
  }
}
