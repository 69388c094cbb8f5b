package org.dgov.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;

/** Checks a curated graph against the shapes and every quote against its page. */
public final class Validation {

  private Validation() {}

  /**
   * All findings about the whole graph as it is served: the asserted statements with the RDFS
   * closure and what the rules derive, so that no entailed statement breaks a shape unnoticed.
   */
  public static Report validate(CuratedGraph graph, SourceText source) {
    return validate(graph, Inference.closure(graph), source);
  }

  /**
   * As {@link #validate(CuratedGraph, SourceText)}, on {@code served}, its closure made already.
   */
  public static Report validate(CuratedGraph graph, Graph served, SourceText source) {
    Graph union = served;
    Shapes shapes = Shapes.parse(graph.shapes());
    ValidationReport report = ShaclValidator.get().validate(shapes, union);
    Set<Node> subjects = graph.data().find().mapWith(Triple::getSubject).toSet();
    Set<Node> described =
        union.find(Node.ANY, RDF.type.asNode(), Node.ANY).mapWith(Triple::getSubject).toSet();
    return check(graph, union, report.getEntries(), subjects, described::contains, source);
  }

  /**
   * The findings about {@code served}, the graph as served (asserted and entailed), after {@code
   * change}, the change a write made to it, given that it conformed before the write: the same
   * verdict and the same findings as {@link #validate(CuratedGraph, Graph, SourceText)} on the
   * whole graph would give. Only the focus nodes and subjects the change can affect are checked
   * ({@link ChangeValidation}), so the cost follows the change. Nothing is copied: {@code graph}
   * may be a view, such as the store's asserted statements ({@code Store.asserted}) with the
   * ontology, shapes, rules and files the server was started with.
   */
  public static Report validateChange(
      CuratedGraph graph, Graph served, Change change, SourceText source) {
    return ChangeValidation.of(graph.shapes()).validate(graph, served, change, source);
  }

  /**
   * The findings about the resources that {@code entries} describe, checked with the whole graph as
   * it would be served: only those resources are validated, so the SHACL cost follows the size of
   * the entries (the closure is computed once over the whole graph).
   */
  public static Report validateEntries(
      CuratedGraph graph, List<RdfFiles.Parsed> entries, SourceText source) {
    Set<Node> subjects =
        entries.stream()
            .flatMap(e -> e.graph().find().mapWith(Triple::getSubject).toList().stream())
            .filter(Node::isURI)
            .collect(Collectors.toSet());
    CuratedGraph merged = graph.withEntries(entries);
    Graph union = Inference.closure(merged);
    Shapes shapes = Shapes.parse(graph.shapes());
    List<ReportEntry> shaclResults = new ArrayList<>();
    for (Node subject : subjects) {
      shaclResults.addAll(ShaclValidator.get().validate(shapes, union, subject).getEntries());
    }
    // the other checks also read the entries' evidence nodes, for the links they attest
    Set<Node> withEvidence = new HashSet<>(subjects);
    subjects.forEach(s -> withEvidence.addAll(G.listSP(merged.data(), s, DGOV.evidence.asNode())));
    List<Finding> findings = new ArrayList<>(slugsAlreadyUsed(graph, entries));
    findings.addAll(
        check(
                merged,
                union,
                shaclResults,
                withEvidence,
                n -> union.contains(n, RDF.type.asNode(), Node.ANY),
                source)
            .findings());
    return new Report(List.copyOf(findings));
  }

  /**
   * The SHACL results together with the checks SHACL cannot express, on the statements about {@code
   * subjects}.
   */
  static Report check(
      CuratedGraph graph,
      Graph union,
      Collection<ReportEntry> shacl,
      Set<Node> subjects,
      Predicate<Node> described,
      SourceText source) {
    List<Finding> findings = new ArrayList<>();
    for (ReportEntry entry : shacl) {
      findings.add(toFinding(entry, union, graph));
    }
    findings.addAll(checkQuotes(graph, union, subjects, source));
    findings.addAll(checkReferences(graph, union, subjects, described));
    IsoCodes.installed()
        .ifPresent(codes -> findings.addAll(checkIsoCodes(graph, union, subjects, codes)));
    findings.addAll(Hygiene.undeclaredTerms(graph, union, subjects));
    findings.addAll(Hygiene.placeholders(graph, union, subjects));
    findings.addAll(Hygiene.duplicateCodes(graph, union, subjects));
    findings.addAll(Hygiene.duplicateLabels(graph, union, subjects));
    findings.sort(
        Comparator.comparing((Finding f) -> f.location() == null ? "" : f.location().file())
            .thenComparingLong(f -> f.location() == null ? 0 : f.location().line())
            .thenComparing(f -> f.focus().toString())
            .thenComparing(f -> String.valueOf(f.result().resultPath())));
    return new Report(List.copyOf(findings));
  }

  private static Finding toFinding(ReportEntry entry, Graph union, CuratedGraph graph) {
    return new Finding(
        inEnglish(entry), label(union, entry.focusNode()), graph.locate(entry.focusNode()));
  }

  /**
   * {@code entry} with every message tagged {@code @en}: Jena SHACL drops the tag of an {@code
   * sh:message} when it fills in a SPARQL constraint's {@code {?var}}, and its own default messages
   * have none, though both are English.
   */
  private static ReportEntry inEnglish(ReportEntry entry) {
    if (entry.messages().stream().allMatch(m -> !m.getLiteralLanguage().isEmpty())) {
      return entry;
    }
    ReportEntry tagged =
        ReportEntry.create()
            .focusNode(entry.focusNode())
            .resultPath(entry.resultPath())
            .value(entry.value())
            .source(entry.source())
            .constraint(entry.constraint())
            .sourceConstraint(entry.sourceConstraint())
            .sourceConstraintComponent(entry.sourceConstraintComponent())
            .detail(entry.detail())
            .severity(entry.severity());
    entry.messages().stream()
        .map(
            m ->
                m.getLiteralLanguage().isEmpty()
                    ? NodeFactory.createLiteralLang(m.getLiteralLexicalForm(), "en")
                    : m)
        .forEach(tagged::message);
    return tagged;
  }

  /**
   * A violation found by one of the checks SHACL cannot express, as SHACL's own results are: its
   * message tagged {@code @en} as the shapes' {@code sh:message}s are.
   */
  static Finding violation(
      Checks check,
      Node focus,
      Path path,
      Node value,
      String message,
      String label,
      Location location) {
    ReportEntry result =
        ReportEntry.create()
            .focusNode(focus)
            .resultPath(path)
            .value(value)
            .source(check.shape)
            .sourceConstraintComponent(check.component)
            .severity(Severity.Violation)
            .message(NodeFactory.createLiteralLang(message, "en"));
    return new Finding(result, label, location);
  }

  private static Path link(Node property) {
    return PathFactory.pathLink(property);
  }

  static Path evidenceThen(Node property) {
    return PathFactory.pathSeq(link(DGOV.evidence.asNode()), link(property));
  }

  private static List<Finding> checkQuotes(
      CuratedGraph graph, Graph union, Set<Node> subjects, SourceText source) {
    List<Finding> findings = new ArrayList<>();
    for (Node resource : subjects) {
      for (Node evidence : G.listSP(graph.data(), resource, DGOV.evidence.asNode())) {
        for (Node page : G.listSP(graph.data(), evidence, DGOV.page.asNode())) {
          for (Node quote : G.listSP(graph.data(), evidence, DGOV.quote.asNode())) {
            String p = page.isLiteral() ? page.getLiteralLexicalForm() : page.toString();
            String q = quote.isLiteral() ? quote.getLiteralLexicalForm() : quote.toString();
            if (!Hygiene.isPlaceholder(quote) && !source.onPage(p, q)) {
              String hint = source.findPage(q).map(x -> "; it stands on page " + x).orElse("");
              findings.add(
                  violation(
                      Checks.QUOTE,
                      resource,
                      evidenceThen(DGOV.quote.asNode()),
                      quote,
                      "quote not found on page "
                          + p
                          + " of the white paper (white space ignored)"
                          + hint,
                      label(union, resource),
                      graph.locate(resource)));
            }
          }
        }
      }
    }
    return findings;
  }

  /** The resource whose evidence {@code node} is, for a blank evidence node; else the node. */
  static Node owner(Graph data, Node node) {
    if (!node.isBlank()) {
      return node;
    }
    return data
        .find(Node.ANY, DGOV.evidence.asNode(), node)
        .mapWith(Triple::getSubject)
        .toList()
        .stream()
        .findFirst()
        .orElse(node);
  }

  /**
   * Every curated resource that is mentioned must be described: a reference to a slug that has no
   * type is a typo or a missing entry. The finding names the closest known slug within a few edits
   * ({@link SlugIndex}).
   */
  private static List<Finding> checkReferences(
      CuratedGraph graph, Graph union, Set<Node> subjects, Predicate<Node> described) {
    List<SlugIndex> cache = new ArrayList<>();
    Supplier<SlugIndex> known =
        () -> {
          if (cache.isEmpty()) {
            cache.add(
                SlugIndex.of(
                    union
                        .find(Node.ANY, RDF.type.asNode(), Node.ANY)
                        .mapWith(Triple::getSubject)
                        .toSet()
                        .stream()
                        .filter(Validation::isCurated)
                        .map(Validation::slugOf)
                        .toList()));
          }
          return cache.get(0);
        };
    List<Finding> findings = new ArrayList<>();
    for (Node subject : subjects) {
      if (isCurated(subject) && !described.test(subject)) {
        findings.add(
            unknown(
                graph,
                union,
                subject,
                null,
                subject,
                " has statements but no rdf:type",
                known.get()));
      }
      Node owner = owner(graph.data(), subject);
      for (Triple t : graph.data().find(subject, Node.ANY, Node.ANY).toList()) {
        Node object = t.getObject();
        if (isCurated(object) && !described.test(object) && !Hygiene.isPlaceholder(object)) {
          findings.add(
              unknown(
                  graph,
                  union,
                  owner,
                  owner.equals(subject) ? link(t.getPredicate()) : evidenceThen(t.getPredicate()),
                  object,
                  " is not described anywhere in the graph",
                  known.get()));
        }
      }
    }
    return findings.stream().distinct().toList();
  }

  /**
   * A new entry that types or labels a slug described elsewhere would merge two resources: the slug
   * is taken.
   */
  private static List<Finding> slugsAlreadyUsed(CuratedGraph graph, List<RdfFiles.Parsed> entries) {
    Graph existing = graph.view();
    List<Finding> findings = new ArrayList<>();
    for (RdfFiles.Parsed entry : entries) {
      for (Node subject : entry.graph().find().mapWith(Triple::getSubject).toSet()) {
        Location there = graph.locate(subject);
        boolean defines =
            entry.graph().contains(subject, RDF.type.asNode(), Node.ANY)
                || entry.graph().contains(subject, RDFS.label.asNode(), Node.ANY);
        if (isCurated(subject) && there != null && defines) {
          findings.add(
              violation(
                  Checks.SLUG,
                  subject,
                  null,
                  subject,
                  "the slug dgr:"
                      + slugOf(subject)
                      + " is already used for \""
                      + label(existing, subject)
                      + "\" at "
                      + there
                      + ": choose another slug, or add facts to that resource without a type or label",
                  label(existing, subject),
                  entry.locate(subject.getURI())));
        }
      }
    }
    return findings;
  }

  private static List<Finding> checkIsoCodes(
      CuratedGraph graph, Graph union, Set<Node> subjects, IsoCodes codes) {
    List<Finding> findings = new ArrayList<>();
    for (Triple t : graph.data().find(Node.ANY, DGOV.iso3166Alpha2.asNode(), Node.ANY).toList()) {
      if (!subjects.contains(t.getSubject())) {
        continue;
      }
      String alpha2 = t.getObject().getLiteralLexicalForm();
      for (Triple t3 :
          graph.data().find(t.getSubject(), DGOV.iso3166Alpha3.asNode(), Node.ANY).toList()) {
        String alpha3 = t3.getObject().getLiteralLexicalForm();
        if (!codes.isPair(alpha2, alpha3)) {
          String known = codes.alpha3ByAlpha2().get(alpha2);
          findings.add(
              violation(
                  Checks.ISO_CODES,
                  t.getSubject(),
                  link(DGOV.iso3166Alpha2.asNode()),
                  t.getObject(),
                  known == null
                      ? alpha2 + " is not an ISO 3166-1 alpha-2 code (Debian iso-codes)"
                      : alpha2 + " goes with " + known + ", not " + alpha3 + " (Debian iso-codes)",
                  label(union, t.getSubject()),
                  graph.locate(t.getSubject())));
        }
      }
      for (Triple tn :
          graph.data().find(t.getSubject(), DGOV.iso3166Numeric.asNode(), Node.ANY).toList()) {
        String numeric = tn.getObject().getLiteralLexicalForm();
        String known = codes.numericByAlpha2().get(alpha2);
        if (known != null && !codes.isNumericOf(alpha2, numeric)) {
          findings.add(
              violation(
                  Checks.ISO_CODES,
                  t.getSubject(),
                  link(DGOV.iso3166Numeric.asNode()),
                  tn.getObject(),
                  alpha2
                      + " goes with the numeric code "
                      + known
                      + ", not "
                      + numeric
                      + " (Debian iso-codes)",
                  label(union, t.getSubject()),
                  graph.locate(t.getSubject())));
        }
      }
    }
    return findings;
  }

  private static Finding unknown(
      CuratedGraph graph,
      Graph union,
      Node focus,
      Path path,
      Node reference,
      String problem,
      SlugIndex known) {
    String slug = slugOf(reference);
    String hint = known.closest(slug).map(k -> "; the closest known slug is dgr:" + k).orElse("");
    return violation(
        Checks.REFERENCE,
        focus,
        path,
        reference,
        "dgr:" + slug + problem + hint,
        label(union, focus),
        graph.locate(focus));
  }

  private static boolean isCurated(Node node) {
    return node.isURI() && node.getURI().startsWith(DGOV.ID);
  }

  private static String slugOf(Node node) {
    return node.getURI().substring(DGOV.ID.length());
  }

  /** The English label (the first in order where there are several), else the IRI. */
  static String label(Graph graph, Node node) {
    return graph.find(node, RDFS.label.asNode(), Node.ANY).toList().stream()
        .map(t -> t.getObject())
        .filter(o -> o.isLiteral() && o.getLiteralLanguage().equals("en"))
        .map(o -> o.getLiteralLexicalForm())
        .min(Comparator.naturalOrder())
        .orElse(node.isURI() ? node.getURI() : node.toString());
  }
}
