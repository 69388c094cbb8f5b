package org.dgov.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDisjunction;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.vocabulary.RDF;

/**
 * A {@link Rule} taken apart for {@link IncrementalEntailment}: the head variable (the subject of
 * every statement the rule derives, whose derivation records hang off it through an owner property
 * such as {@code rdf:subject}), and the triple patterns its WHERE clause reads, positively and
 * under {@code FILTER NOT EXISTS}.
 *
 * <p>Three kinds of rule come out of it. A rule whose WHERE clause is made of triple patterns,
 * joins, {@code UNION}, {@code VALUES}, {@code BIND} and filters ({@code EXISTS} and {@code NOT
 * EXISTS} of such patterns) is <em>local</em>: a changed statement reaches the heads found by
 * binding a pattern it matches to it. A rule that also has property paths is <em>opaque</em> but
 * monotonic: which heads a changed statement reaches through a path of any length is not local, so
 * every head of that rule is evaluated again at every write (the rule is recomputed, the others
 * stay incremental). Anything else (OPTIONAL, MINUS, aggregates, subqueries, a template without one
 * head variable) is {@link #maintainable() not maintainable}: the entailment is recomputed whole.
 */
record RuleShape(
    Rule rule,
    Var head,
    Set<Node> owners,
    List<Triple> positive,
    List<Triple> negated,
    Map<Var, Set<Node>> values,
    boolean opaque,
    String unmaintainable,
    Op probe,
    List<Triple> required,
    Map<Var, Set<Node>> fixed) {

  /** Analyses {@code rule}. */
  static RuleShape of(Rule rule) {
    Query query = rule.query();
    List<Triple> template = query.getConstructTemplate().getTriples();
    Set<Node> subjects = new HashSet<>();
    template.stream().map(Triple::getSubject).filter(n -> !n.isBlank()).forEach(subjects::add);
    String why = null;
    Var head = null;
    if (subjects.size() != 1 || !Var.isVar(subjects.iterator().next())) {
      why = "its template does not derive statements about one variable";
    } else {
      head = Var.alloc(subjects.iterator().next());
    }
    Set<Node> owners = new HashSet<>();
    Set<Node> blanks = new HashSet<>();
    for (Triple t : template) {
      if (t.getSubject().isBlank()) {
        blanks.add(t.getSubject());
      }
      if (t.getObject().isBlank()) {
        blanks.add(t.getObject());
      }
    }
    for (Node b : blanks) {
      Node owner = head;
      List<Node> links =
          template.stream()
              .filter(t -> t.getSubject().equals(b) && t.getObject().equals(owner))
              .map(Triple::getPredicate)
              .filter(Node::isURI)
              .toList();
      if (links.isEmpty()) {
        why = "a blank node of its template does not name the derived statement's subject";
      }
      owners.addAll(links);
    }
    Op body = Algebra.compile(query.getQueryPattern());
    Walk walk = new Walk();
    walk.op(body, false);
    if (walk.unknown != null) {
      why = walk.unknown;
    }
    if (walk.opaque && !walk.negated.isEmpty()) {
      why = "it has property paths and FILTER NOT EXISTS";
    }
    Op probe = null;
    if (head != null) {
      Op positive = Transformer.transform(new DropFilters(), body);
      probe = new OpProject(positive, List.of(head));
    }
    List<Triple> required = probe == null ? List.of() : required(probe);
    Map<Var, Set<Node>> fixed = probe == null ? Map.of() : fixed(probe);
    return new RuleShape(
        rule,
        head,
        Set.copyOf(owners),
        List.copyOf(walk.positive),
        List.copyOf(walk.negated),
        walk.values,
        walk.opaque,
        why,
        probe,
        List.copyOf(required),
        Map.copyOf(fixed));
  }

  /**
   * Whether the incremental maintenance can keep this rule; else {@link #unmaintainable} says why.
   */
  boolean maintainable() {
    return unmaintainable == null;
  }

  /** Whether the rule reads with {@code FILTER NOT EXISTS}. */
  boolean nonMonotonic() {
    return !negated.isEmpty();
  }

  /** Every pattern the rule reads, positive and negated. */
  List<Triple> patterns() {
    List<Triple> all = new ArrayList<>(positive);
    all.addAll(negated);
    return all;
  }

  /**
   * The heads whose derivations statement {@code t} may take part in, in {@code graph}: for each
   * pattern that {@code t} matches, the heads of the rule's positive patterns with that pattern
   * bound to {@code t} (filters left out, which can only find more). An opaque rule is not asked.
   */
  Set<Node> reached(Triple t, Graph graph) {
    Set<Node> heads = new HashSet<>();
    for (Triple pattern : patterns()) {
      Binding binding = matchWithin(pattern, t);
      if (binding == null) {
        continue;
      }
      if (binding.contains(head)) {
        heads.add(binding.get(head));
      } else if (satisfiable(binding, graph)) {
        heads.addAll(heads(Substitute.substitute(probe, binding), graph));
      }
    }
    return heads;
  }

  /**
   * Whether one of {@code statements} matches a pattern the rule reads positively, for one of
   * {@code heads} where the pattern binds the head: whether it can take part in a solution of the
   * rule restricted to those heads.
   */
  boolean feeds(Collection<Triple> statements, Set<Node> heads) {
    for (Triple t : statements) {
      for (Triple pattern : positive) {
        Binding binding = matchWithin(pattern, t);
        if (binding != null && (!binding.contains(head) || heads.contains(binding.get(head)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Of {@code heads}, those this rule can have a solution for in {@code graph}: with the head
   * bound, every pattern it requires has a match (a new mechanism, say, has adopted no instrument
   * yet).
   */
  List<Node> candidates(Collection<Node> heads, Graph graph) {
    List<Triple> headFree = required.stream().filter(t -> !mentionsHead(t)).toList();
    if (!satisfiable(headFree, BindingFactory.empty(), graph)) {
      return List.of();
    }
    List<Triple> bound = required.stream().filter(this::mentionsHead).toList();
    return heads.stream()
        .filter(h -> satisfiable(bound, BindingFactory.binding(head, h), graph))
        .toList();
  }

  private boolean mentionsHead(Triple t) {
    return t.getSubject().equals(head)
        || t.getPredicate().equals(head)
        || t.getObject().equals(head);
  }

  /**
   * Whether every pattern the probe requires, bound by {@code binding}, has a match in {@code
   * graph}: a single lookup each that spares evaluating a probe which can have no solution (a new
   * entry's statement binds a join whose other side it does not have).
   */
  private boolean satisfiable(Binding binding, Graph graph) {
    return satisfiable(required, binding, graph);
  }

  private static boolean satisfiable(List<Triple> patterns, Binding binding, Graph graph) {
    for (Triple pattern : patterns) {
      Triple bound = Substitute.substitute(pattern, binding);
      if (!graph.contains(
          any(bound.getSubject()), any(bound.getPredicate()), any(bound.getObject()))) {
        return false;
      }
    }
    return true;
  }

  private static Node any(Node n) {
    return Var.isVar(n) ? Node.ANY : n;
  }

  /** The triple patterns every solution of {@code op} matches. */
  private static List<Triple> required(Op op) {
    List<Triple> required = new ArrayList<>();
    for (Op part : joined(op)) {
      if (part instanceof OpBGP bgp) {
        required.addAll(bgp.getPattern().getList());
      } else if (part instanceof OpTriple triple) {
        required.add(triple.getTriple());
      }
    }
    return required;
  }

  /**
   * The values that every solution of {@code op} gives a variable, where a {@code VALUES} block it
   * joins lists them all; a variable that a row leaves undefined is not fixed.
   */
  private static Map<Var, Set<Node>> fixed(Op op) {
    Map<Var, Set<Node>> fixed = new HashMap<>();
    for (Op part : joined(op)) {
      if (part instanceof OpTable table) {
        for (Var var : table.getTable().getVars()) {
          Set<Node> nodes = new HashSet<>();
          table.getTable().rows().forEachRemaining(row -> nodes.add(row.get(var)));
          if (!nodes.contains(null)) {
            fixed.merge(
                var,
                nodes,
                (a, b) -> {
                  a.retainAll(b);
                  return a;
                });
          }
        }
      }
    }
    return fixed;
  }

  /**
   * The parts that every solution of {@code op} joins: its joins taken apart (through projections
   * and {@code BIND}), outside any {@code UNION}.
   */
  private static List<Op> joined(Op op) {
    if (op instanceof OpJoin join) {
      List<Op> both = new ArrayList<>(joined(join.getLeft()));
      both.addAll(joined(join.getRight()));
      return both;
    }
    if (op instanceof OpSequence sequence) {
      List<Op> all = new ArrayList<>();
      sequence.getElements().forEach(e -> all.addAll(joined(e)));
      return all;
    }
    if (op instanceof OpProject || op instanceof OpExtend || op instanceof OpAssign) {
      return joined(((Op1) op).getSubOp());
    }
    return List.of(op);
  }

  /** Every head this rule has a solution for in {@code graph}: how an opaque rule is reached. */
  Set<Node> allHeads(Graph graph) {
    return heads(probe, graph);
  }

  private Set<Node> heads(Op op, Graph graph) {
    Set<Node> heads = new HashSet<>();
    Algebra.exec(op, graph)
        .forEachRemaining(
            b -> {
              Node h = b.get(head);
              if (h != null) {
                heads.add(h);
              }
            });
    return heads;
  }

  /**
   * This rule evaluated only for the heads {@code nodes}: its query with them as {@code VALUES}.
   */
  Rule restrictedTo(Collection<Node> nodes) {
    Query query = rule.query().cloneQuery();
    ElementData data = new ElementData();
    data.add(head);
    nodes.forEach(n -> data.add(BindingFactory.binding(head, n)));
    ElementGroup group = new ElementGroup();
    group.addElement(data);
    if (query.getQueryPattern() instanceof ElementGroup inner) {
      inner.getElements().forEach(group::addElement);
    } else {
      group.addElement(query.getQueryPattern());
    }
    query.setQueryPattern(group);
    return new Rule(
        rule.name(),
        rule.title(),
        rule.titleZh(),
        rule.description(),
        rule.page(),
        rule.quote(),
        query);
  }

  /**
   * The classes a type pattern reads: its object, or the values a {@code VALUES} block gives its
   * object variable; null when any class may be read.
   */
  Set<Node> classes(Triple pattern) {
    Node o = pattern.getObject();
    if (!Var.isVar(o)) {
      return Set.of(o);
    }
    return values.get(Var.alloc(o));
  }

  /** Whether {@code pattern} reads rdf:type. */
  static boolean isType(Triple pattern) {
    return pattern.getPredicate().equals(RDF.type.asNode());
  }

  /**
   * The binding that makes {@code pattern} match {@code t} with the values the rule's {@code
   * VALUES} allow ({@link #fixed}), or null when it does not: a derivation record's {@code a
   * dgov:Derivation} does not match {@code ?mechanism a ?class} when the classes are listed.
   */
  private Binding matchWithin(Triple pattern, Triple t) {
    Binding binding = match(pattern, t);
    if (binding == null) {
      return null;
    }
    for (Iterator<Var> vars = binding.vars(); vars.hasNext(); ) {
      Var var = vars.next();
      Set<Node> allowed = fixed.get(var);
      if (allowed != null && !allowed.contains(binding.get(var))) {
        return null;
      }
    }
    return binding;
  }

  /** The binding that makes {@code pattern} match {@code t}, or null when it does not. */
  static Binding match(Triple pattern, Triple t) {
    BindingBuilder b = BindingBuilder.create();
    Node[] p = {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()};
    Node[] v = {t.getSubject(), t.getPredicate(), t.getObject()};
    Map<Var, Node> seen = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      if (Var.isVar(p[i])) {
        Var var = Var.alloc(p[i]);
        Node before = seen.putIfAbsent(var, v[i]);
        if (before != null && !before.equals(v[i])) {
          return null;
        }
      } else if (!p[i].equals(v[i])) {
        return null;
      }
    }
    seen.forEach(b::add);
    return b.build();
  }

  /** Collects the patterns of a WHERE clause and notes what is not local. */
  private static final class Walk {
    final List<Triple> positive = new ArrayList<>();
    final List<Triple> negated = new ArrayList<>();
    final Map<Var, Set<Node>> values = new HashMap<>();
    boolean opaque;
    String unknown;

    void op(Op op, boolean negative) {
      List<Triple> sink = negative ? negated : positive;
      if (op instanceof OpBGP bgp) {
        sink.addAll(bgp.getPattern().getList());
      } else if (op instanceof OpTriple triple) {
        sink.add(triple.getTriple());
      } else if (op instanceof OpPath) {
        opaque = true;
      } else if (op instanceof OpTable table) {
        table
            .getTable()
            .rows()
            .forEachRemaining(
                row ->
                    table
                        .getTable()
                        .getVars()
                        .forEach(
                            v -> values.computeIfAbsent(v, k -> new HashSet<>()).add(row.get(v))));
      } else if (op instanceof OpFilter filter) {
        filter.getExprs().forEach(e -> expr(e, negative));
        op(filter.getSubOp(), negative);
      } else if (op instanceof OpExtend || op instanceof OpAssign) {
        op(((Op1) op).getSubOp(), negative);
      } else if (op instanceof OpJoin || op instanceof OpUnion) {
        op(((Op2) op).getLeft(), negative);
        op(((Op2) op).getRight(), negative);
      } else if (op instanceof OpSequence || op instanceof OpDisjunction) {
        ((OpN) op).getElements().forEach(e -> op(e, negative));
      } else {
        unknown = "its WHERE clause uses " + op.getName() + ", which is not maintained locally";
      }
    }

    void expr(Expr e, boolean negative) {
      if (e instanceof E_NotExists notExists) {
        if (negative) {
          unknown = "it nests NOT EXISTS";
        }
        op(notExists.getGraphPattern(), true);
      } else if (e instanceof E_Exists exists) {
        op(exists.getGraphPattern(), negative);
      } else if (e instanceof ExprFunctionOp other) {
        unknown = "its filter uses " + other.getFunctionSymbol().getSymbol();
      } else if (e instanceof ExprFunction f) {
        f.getArgs().forEach(a -> expr(a, negative));
      }
    }
  }

  /** The WHERE clause without its filters: what a changed statement can reach, or more. */
  private static final class DropFilters extends TransformCopy {
    @Override
    public Op transform(OpFilter filter, Op sub) {
      return sub;
    }
  }
}
