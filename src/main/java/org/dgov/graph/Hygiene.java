package org.dgov.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.vocab.DGOV;

/**
 * The checks that refuse duplicates and typos, each run per subject with index lookups, so that
 * checking a few resources costs what they hold: an ontology term ({@code dgov:}) that nothing
 * declares (neither the ontology nor the entries checked), a placeholder of the scaffold ({@code
 * new}) left in, an ISO 3166 code another resource already has, and a label (on {@code rdfs:label}
 * or {@code skos:prefLabel}) another resource already has in the same language. The last two name
 * the other resource.
 */
final class Hygiene {

  /** The word the scaffold writes for every value to fill in. */
  private static final Pattern PLACEHOLDER_TEXT = Pattern.compile("\\bTODO\\b");

  /** How the slugs of the scaffold's placeholder resources start ({@code dgr:todo-topic}). */
  private static final String PLACEHOLDER_SLUG = "todo-";

  private static final List<Node> CODES =
      List.of(
          DGOV.iso3166Alpha2.asNode(), DGOV.iso3166Alpha3.asNode(), DGOV.iso3166Numeric.asNode());

  private static final List<Node> PROPERTY_TYPES =
      List.of(
          RDF.Property.asNode(),
          OWL2.ObjectProperty.asNode(),
          OWL2.DatatypeProperty.asNode(),
          OWL2.AnnotationProperty.asNode());

  private static final List<Node> LABELS = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode());

  private Hygiene() {}

  /**
   * Whether a value of {@code property} may belong to one resource only (a label in its language,
   * an ISO code): the checks that compare resources with each other read only these.
   */
  static boolean isUnique(Node property) {
    return LABELS.contains(property) || CODES.contains(property);
  }

  /** Whether {@code node} is a value the scaffold writes for the curator to replace. */
  static boolean isPlaceholder(Node node) {
    if (node.isLiteral()) {
      return PLACEHOLDER_TEXT.matcher(node.getLiteralLexicalForm()).find();
    }
    return node.isURI() && node.getURI().startsWith(DGOV.ID + PLACEHOLDER_SLUG);
  }

  /**
   * Every {@code dgov:} IRI in the statements about {@code subjects} that nothing declares (gives a
   * type: the ontology, or entries that add to it), with the closest term of the ontology of the
   * same kind: a property for a predicate, a class for a type, any term elsewhere.
   */
  static List<Finding> undeclaredTerms(CuratedGraph graph, Graph union, Set<Node> subjects) {
    Graph view = graph.view();
    List<Finding> findings = new ArrayList<>();
    for (Node subject : subjects) {
      Node owner = Validation.owner(graph.data(), subject);
      for (Triple t : graph.data().find(subject, Node.ANY, Node.ANY).toList()) {
        for (Node term : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
          if (!isTerm(term) || view.contains(term, RDF.type.asNode(), Node.ANY)) {
            continue;
          }
          List<Node> kinds =
              term.equals(t.getPredicate())
                  ? PROPERTY_TYPES
                  : t.getPredicate().equals(RDF.type.asNode())
                      ? List.of(OWL2.Class.asNode())
                      : List.of();
          findings.add(
              Validation.violation(
                  Checks.TERM,
                  owner,
                  owner.equals(subject)
                      ? PathFactory.pathLink(t.getPredicate())
                      : Validation.evidenceThen(t.getPredicate()),
                  term,
                  "dgov:"
                      + localName(term)
                      + " is not a term of the ontology"
                      + closest(graph.ontology(), localName(term), kinds),
                  Validation.label(union, owner),
                  graph.locate(owner)));
        }
      }
    }
    return findings.stream().distinct().toList();
  }

  /** Every placeholder of the scaffold in the statements about {@code subjects}. */
  static List<Finding> placeholders(CuratedGraph graph, Graph union, Set<Node> subjects) {
    List<Finding> findings = new ArrayList<>();
    for (Node subject : subjects) {
      Node owner = Validation.owner(graph.data(), subject);
      for (Triple t : graph.data().find(subject, Node.ANY, Node.ANY).toList()) {
        if (isPlaceholder(t.getObject())) {
          findings.add(
              Validation.violation(
                  Checks.PLACEHOLDER,
                  owner,
                  owner.equals(subject)
                      ? PathFactory.pathLink(t.getPredicate())
                      : Validation.evidenceThen(t.getPredicate()),
                  t.getObject(),
                  (t.getObject().isURI()
                          ? "dgr:" + t.getObject().getURI().substring(DGOV.ID.length())
                          : "\"" + t.getObject().getLiteralLexicalForm() + "\"")
                      + " is a placeholder of the scaffold: replace it with the real value, or"
                      + " remove the statement",
                  Validation.label(union, owner),
                  graph.locate(owner)));
        }
      }
    }
    return findings;
  }

  /** Every ISO 3166 code of {@code subjects} that another resource of the graph has as well. */
  static List<Finding> duplicateCodes(CuratedGraph graph, Graph union, Set<Node> subjects) {
    Graph data = graph.data();
    List<Finding> findings = new ArrayList<>();
    for (Node subject : subjects) {
      for (Node property : CODES) {
        for (Node code : G.listSP(data, subject, property)) {
          for (Node other : others(data, subject, property, code)) {
            findings.add(
                Validation.violation(
                    Checks.UNIQUE_CODE,
                    subject,
                    PathFactory.pathLink(property),
                    code,
                    "the ISO 3166 code "
                        + code.getLiteralLexicalForm()
                        + " is already the dgov:"
                        + property.getLocalName()
                        + " of "
                        + describe(graph, union, other)
                        + ": one code, one resource",
                    Validation.label(union, subject),
                    graph.locate(subject)));
          }
        }
      }
    }
    return findings;
  }

  /**
   * Every label of {@code subjects} (on rdfs:label or skos:prefLabel, same text and language) that
   * another resource of the ontology or data has as well; placeholders are reported as such.
   */
  static List<Finding> duplicateLabels(CuratedGraph graph, Graph union, Set<Node> subjects) {
    Graph view = graph.view();
    List<Finding> findings = new ArrayList<>();
    for (Node subject : subjects) {
      for (Node property : LABELS) {
        for (Node label : G.listSP(graph.data(), subject, property)) {
          if (isPlaceholder(label)) {
            continue;
          }
          for (Node other : othersWithLabel(view, subject, label)) {
            findings.add(
                Validation.violation(
                    Checks.UNIQUE_LABEL,
                    subject,
                    PathFactory.pathLink(property),
                    label,
                    "the label \""
                        + label.getLiteralLexicalForm()
                        + "\"@"
                        + label.getLiteralLanguage()
                        + " is already the label of "
                        + describe(graph, union, other)
                        + ": describe that resource instead, or tell the two apart in the label",
                    Validation.label(union, subject),
                    graph.locate(subject)));
          }
        }
      }
    }
    return findings;
  }

  /** The resources other than {@code subject} with {@code label} as rdfs:label or prefLabel. */
  private static List<Node> othersWithLabel(Graph view, Node subject, Node label) {
    return LABELS.stream()
        .flatMap(p -> others(view, subject, p, label).stream())
        .distinct()
        .sorted(Comparator.comparing(Node::toString))
        .toList();
  }

  private static List<Node> others(Graph graph, Node subject, Node property, Node value) {
    return G.listPO(graph, property, value).stream()
        .filter(n -> !n.equals(subject))
        .distinct()
        .sorted(Comparator.comparing(Node::toString))
        .toList();
  }

  /** {@code dgr:slug ("English label", file:line)}, for a message that names another resource. */
  private static String describe(CuratedGraph graph, Graph union, Node node) {
    String name =
        !node.isURI()
            ? node.toString()
            : node.getURI().startsWith(DGOV.ID)
                ? "dgr:" + node.getURI().substring(DGOV.ID.length())
                : node.getURI().startsWith(DGOV.NS)
                    ? "dgov:" + node.getURI().substring(DGOV.NS.length())
                    : "<" + node.getURI() + ">";
    Location where = graph.locate(node);
    return name
        + " (\""
        + Validation.label(union, node)
        + "\""
        + (where == null ? "" : ", " + where)
        + ")";
  }

  /**
   * "; the closest declared term is dgov:…", among the ontology's terms with one of the types
   * {@code kinds} (any term where it is empty), within {@link SlugIndex#edits} edits of a name
   * short enough for a hint.
   */
  private static String closest(Graph ontology, String name, List<Node> kinds) {
    if (!SlugIndex.indexable(name)) {
      return "";
    }
    int max = SlugIndex.edits(name);
    return G.allPO(ontology, RDF.type.asNode(), Node.ANY).stream()
        .filter(Hygiene::isTerm)
        .filter(t -> kinds.isEmpty() || kinds.stream().anyMatch(k -> G.isOfType(ontology, t, k)))
        .map(Hygiene::localName)
        .filter(k -> Similarity.distance(k, name, max) <= max)
        .min(
            Comparator.comparingInt((String k) -> Similarity.distance(k, name, max))
                .thenComparing(Comparator.naturalOrder()))
        .map(k -> "; the closest declared term is dgov:" + k)
        .orElse("");
  }

  private static String localName(Node term) {
    return term.getURI().substring(DGOV.NS.length());
  }

  private static boolean isTerm(Node node) {
    return node.isURI() && node.getURI().startsWith(DGOV.NS);
  }
}
