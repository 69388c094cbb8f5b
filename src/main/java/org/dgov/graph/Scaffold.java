package org.dgov.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;

/**
 * A Turtle skeleton for a new entry, derived from the shapes that apply to its class: required
 * properties first with placeholders, optional ones commented out, allowed values and datatypes in
 * comments, and an evidence block to fill in.
 */
public final class Scaffold {

  /** The kinds of entry {@code new} makes, and the class each stands for. */
  public enum Kind {
    agreement(DGOV.Agreement.asNode()),
    actor(DGOV.Organization.asNode()),
    instrument(DGOV.Instrument.asNode()),
    principle(DGOV.Principle.asNode()),
    topic(DGOV.Topic.asNode());

    final Node type;

    Kind(Node type) {
      this.type = type;
    }
  }

  private static final Set<Node> WRITTEN_SEPARATELY =
      Set.of(RDFS.label.asNode(), DGOV.evidence.asNode());

  /** What the shapes say about one property of the new entry. */
  private record Property(
      Node path, boolean required, boolean single, List<String> notes, String placeholder) {}

  private Scaffold() {}

  public static String skeleton(CuratedGraph curated, Kind kind, String slug) {
    Graph ontology = curated.ontology();
    Graph shapes = curated.shapes();
    PrefixMapping prefixes =
        PrefixMapping.Factory.create().setNsPrefixes(curated.union().getPrefixMapping());
    prefixes.setNsPrefix("dgr", DGOV.ID).setNsPrefix("dgov", DGOV.NS);
    Set<Node> classes = superClasses(ontology, kind.type);
    Map<Node, Property> properties = new LinkedHashMap<>();
    for (Node shape : applicableShapes(shapes, ontology, classes)) {
      for (Node ps :
          shapes.find(shape, SHACL.property, Node.ANY).mapWith(Triple::getObject).toList()) {
        Node path = G.getSP(shapes, ps, SHACL.path);
        if (path == null || !path.isURI() || WRITTEN_SEPARATELY.contains(path)) {
          continue;
        }
        Property found = describe(shapes, prefixes, ps, path);
        properties.merge(path, found, Scaffold::combine);
      }
    }
    for (Node p :
        ontology.find(Node.ANY, RDFS.domain.asNode(), Node.ANY).toList().stream()
            .filter(t -> classes.contains(t.getObject()))
            .map(Triple::getSubject)
            .sorted(Comparator.comparing(Node::getURI))
            .toList()) {
      properties.putIfAbsent(
          p,
          new Property(
              p,
              false,
              false,
              List.of(rangeNote(ontology, prefixes, p)),
              placeholder(ontology, p)));
    }
    return render(ontology, prefixes, kind, slug, properties.values(), pages(shapes));
  }

  /** The pages an evidence may give, as the shapes bound them: "1 to 38". */
  static String pages(Graph shapes) {
    String query =
        """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        PREFIX dgov: <https://w3id.org/dgov/ontology#>
        SELECT ?min ?max WHERE {
          ?shape sh:path dgov:page ; sh:or/rdf:rest*/rdf:first ?numbers .
          ?numbers sh:minInclusive ?min ; sh:maxInclusive ?max .
        }""";
    try (QueryExec exec = QueryExec.graph(shapes).query(query).build()) {
      RowSet rows = exec.select();
      if (!rows.hasNext()) {
        return "a printed page number";
      }
      Binding row = rows.next();
      return row.get("min").getLiteralLexicalForm()
          + " to "
          + row.get("max").getLiteralLexicalForm();
    }
  }

  /** The comment that lists the ontology's classes under {@code root}, to choose the narrowest. */
  private static String choices(Graph ontology, PrefixMapping prefixes, Node root) {
    List<String> names =
        subClasses(ontology, root).stream().map(c -> prefixes.shortForm(c.getURI())).toList();
    StringBuilder out = new StringBuilder("# Choose the narrowest class:");
    int width = out.length();
    for (int i = 0; i < names.size(); i++) {
      String word = " " + names.get(i) + (i == names.size() - 1 ? "." : ",");
      if (width + word.length() > 100) {
        out.append("\n#");
        width = 1;
      }
      out.append(word);
      width += word.length();
    }
    return out.append('\n').toString();
  }

  /** Every class of the ontology below {@code root}, by name. */
  private static List<Node> subClasses(Graph ontology, Node root) {
    Set<Node> found = new TreeSet<>(Comparator.comparing(Node::getURI));
    found.addAll(walk(ontology, root, false));
    found.remove(root);
    found.removeIf(c -> !c.isURI());
    return List.copyOf(found);
  }

  /** {@code type} and every class above it. */
  private static Set<Node> superClasses(Graph ontology, Node type) {
    return walk(ontology, type, true);
  }

  /** {@code start} and the classes reached from it by rdfs:subClassOf, upwards or downwards. */
  private static Set<Node> walk(Graph ontology, Node start, boolean up) {
    Set<Node> classes = new LinkedHashSet<>();
    List<Node> todo = new ArrayList<>(List.of(start));
    while (!todo.isEmpty()) {
      Node c = todo.remove(0);
      if (classes.add(c)) {
        if (up) {
          todo.addAll(G.listSP(ontology, c, RDFS.subClassOf.asNode()));
        } else {
          todo.addAll(G.listPO(ontology, RDFS.subClassOf.asNode(), c));
        }
      }
    }
    return classes;
  }

  private static List<Node> applicableShapes(Graph shapes, Graph ontology, Set<Node> classes) {
    Set<Node> result = new LinkedHashSet<>();
    shapes
        .find(Node.ANY, SHACL.targetClass, Node.ANY)
        .forEach(
            t -> {
              if (classes.contains(t.getObject())) {
                result.add(t.getSubject());
              }
            });
    Set<Node> usable = new LinkedHashSet<>();
    ontology
        .find(Node.ANY, RDFS.domain.asNode(), Node.ANY)
        .forEach(
            t -> {
              if (classes.contains(t.getObject())) {
                usable.add(t.getSubject());
              }
            });
    shapes
        .find(Node.ANY, SHACL.targetSubjectsOf, Node.ANY)
        .forEach(
            t -> {
              if (usable.contains(t.getObject()) || isLinkOfMechanisms(t.getObject(), classes)) {
                result.add(t.getSubject());
              }
            });
    return new ArrayList<>(result);
  }

  /** coversTopic and promotesPrinciple have union domains (mechanisms, instruments, actors). */
  private static boolean isLinkOfMechanisms(Node property, Set<Node> classes) {
    if (property.equals(DGOV.coversTopic.asNode())) {
      return classes.contains(DGOV.GovernanceMechanism.asNode())
          || classes.contains(DGOV.Instrument.asNode());
    }
    if (property.equals(DGOV.promotesPrinciple.asNode())) {
      return classes.contains(DGOV.Actor.asNode())
          || classes.contains(DGOV.GovernanceMechanism.asNode())
          || classes.contains(DGOV.Instrument.asNode());
    }
    return false;
  }

  private static Property describe(Graph shapes, PrefixMapping prefixes, Node ps, Node path) {
    List<String> notes = new ArrayList<>();
    Node name = G.getSP(shapes, ps, SHACL.name);
    Node min = G.getSP(shapes, ps, SHACL.minCount);
    Node max = G.getSP(shapes, ps, SHACL.maxCount);
    Node hasValue = G.getSP(shapes, ps, SHACL.hasValue);
    Node equals = G.getSP(shapes, ps, SHACL.equals);
    boolean required =
        (min != null && ((Number) min.getLiteralValue()).intValue() > 0) || hasValue != null;
    boolean single = max != null && ((Number) max.getLiteralValue()).intValue() == 1;
    List<String> datatypes = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    Node datatype = G.getSP(shapes, ps, SHACL.datatype);
    if (datatype != null) {
      datatypes.add(prefixes.shortForm(datatype.getURI()));
    }
    Node cls = G.getSP(shapes, ps, SHACL.class_);
    if (cls != null) {
      classes.add(prefixes.shortForm(cls.getURI()));
    }
    Node or = G.getSP(shapes, ps, SHACL.or);
    if (or != null) {
      for (Node alternative : GraphList.members(new GNode(shapes, or))) {
        Node d = G.getSP(shapes, alternative, SHACL.datatype);
        Node c = G.getSP(shapes, alternative, SHACL.class_);
        if (d != null) {
          datatypes.add(prefixes.shortForm(d.getURI()));
        }
        if (c != null) {
          classes.add(prefixes.shortForm(c.getURI()));
        }
      }
    }
    Node in = G.getSP(shapes, ps, SHACL.in);
    List<String> allowed =
        in == null
            ? List.of()
            : GraphList.members(new GNode(shapes, in)).stream()
                .map(n -> n.isURI() ? prefixes.shortForm(n.getURI()) : n.toString())
                .toList();
    StringBuilder note =
        new StringBuilder(
            name == null ? prefixes.shortForm(path.getURI()) : name.getLiteralLexicalForm());
    note.append(required ? " (required" : " (optional").append(single ? ", one value)" : ")");
    if (hasValue != null && hasValue.isURI()) {
      note.append(": ").append(prefixes.shortForm(hasValue.getURI()));
    } else if (RDFS.label.asNode().equals(equals)) {
      note.append(": the same values as rdfs:label");
    } else if (!allowed.isEmpty()) {
      note.append(": one of ").append(String.join(", ", allowed));
    } else if (!classes.isEmpty()) {
      note.append(": a ").append(String.join(" or a ", classes));
    } else if (!datatypes.isEmpty()) {
      note.append(": ").append(String.join(" or ", datatypes));
    }
    notes.add(note.toString());
    String placeholder;
    if (hasValue != null && hasValue.isURI()) {
      placeholder = prefixes.shortForm(hasValue.getURI());
    } else if (RDFS.label.asNode().equals(equals)) {
      placeholder = "\"TODO\"@en , \"TODO\"@zh";
    } else if (!allowed.isEmpty()) {
      placeholder = allowed.get(0);
    } else if (!classes.isEmpty()) {
      placeholder =
          "dgr:todo-" + classes.get(0).substring(classes.get(0).indexOf(':') + 1).toLowerCase();
    } else if (datatypes.contains("rdf:langString")) {
      placeholder = "\"TODO\"@en";
    } else if (datatypes.contains("xsd:date") || datatypes.contains("xsd:gYear")) {
      placeholder = "\"2022\"^^xsd:gYear";
    } else {
      placeholder = "\"TODO\"";
    }
    return new Property(path, required, single, notes, placeholder);
  }

  private static Property combine(Property a, Property b) {
    List<String> notes = new ArrayList<>(a.notes());
    b.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
    String placeholder =
        isTodo(a.placeholder()) && !isTodo(b.placeholder()) ? b.placeholder() : a.placeholder();
    return new Property(
        a.path(), a.required() || b.required(), a.single() || b.single(), notes, placeholder);
  }

  /** A placeholder the curator must replace, rather than a value a shape fixes. */
  private static boolean isTodo(String placeholder) {
    return placeholder.startsWith("dgr:todo-") || placeholder.contains("\"TODO\"");
  }

  private static String rangeNote(Graph ontology, PrefixMapping prefixes, Node p) {
    Node label =
        ontology.find(p, RDFS.label.asNode(), Node.ANY).toList().stream()
            .map(Triple::getObject)
            .filter(o -> o.getLiteralLanguage().equals("en"))
            .findFirst()
            .orElse(null);
    Node range = G.getSP(ontology, p, RDFS.range.asNode());
    return (label == null ? prefixes.shortForm(p.getURI()) : label.getLiteralLexicalForm())
        + " (optional"
        + (range == null ? ")" : "): a " + prefixes.shortForm(range.getURI()));
  }

  private static String placeholder(Graph ontology, Node p) {
    Node range = G.getSP(ontology, p, RDFS.range.asNode());
    return range == null ? "\"TODO\"" : "dgr:todo-" + range.getLocalName().toLowerCase();
  }

  private static String render(
      Graph ontology,
      PrefixMapping prefixes,
      Kind kind,
      String slug,
      java.util.Collection<Property> properties,
      String pages) {
    StringBuilder out = new StringBuilder();
    prefixes.getNsPrefixMap().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                out.append("@prefix ")
                    .append(e.getKey())
                    .append(": <")
                    .append(e.getValue())
                    .append("> .\n"));
    out.append("\n# A new ")
        .append(kind.name())
        .append(
            ". Replace every TODO and dgr:todo-… value, uncomment the optional lines you need,\n");
    out.append(
        "# then check it together with the graph: java -jar target/dgov-kg.jar validate THIS-FILE.ttl\n");
    if (kind == Kind.actor) {
      out.append(choices(ontology, prefixes, DGOV.Actor.asNode()));
    } else if (kind == Kind.instrument) {
      out.append(choices(ontology, prefixes, DGOV.Instrument.asNode()));
    }
    out.append("dgr:")
        .append(slug)
        .append(" a ")
        .append(prefixes.shortForm(kind.type.getURI()))
        .append(" ;\n");
    out.append("  # English label (required, exactly one): the official English name\n");
    out.append("  rdfs:label \"TODO\"@en ,\n");
    out.append(
        "  # Chinese label (required, exactly one): the wording of the white paper or the official Chinese name\n");
    out.append("    \"TODO\"@zh ;\n");
    List<Property> sorted =
        properties.stream().sorted(Comparator.comparing((Property p) -> !p.required())).toList();
    for (Property p : sorted) {
      String line = "  " + prefixes.shortForm(p.path().getURI()) + " " + p.placeholder() + " ;";
      out.append("  # ").append(String.join("; ", p.notes())).append('\n');
      out.append(p.required() ? line : "#" + line.substring(1)).append('\n');
    }
    out.append(
        "  # Links to topics, principles, parties and memberships need evidence that attests them: add dgov:attests dgr:… below.\n");
    out.append("  # Evidence (required): a page (")
        .append(pages)
        .append(", or \"preface\") and a verbatim quote of the white paper,\n");
    out.append(
        "  # or [ dcterms:source <https://official.example/page> ] for facts the paper does not state.\n");
    out.append("  dgov:evidence [\n    dgov:page 0 ;\n    dgov:quote \"TODO\"@zh\n  ] .\n");
    return out.toString();
  }
}
