package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validating only what a change can affect gives the verdict and the findings of the whole-graph
 * check. Random changes of the curated graph (fixed seeds; adds, deletes and both, valid and
 * invalid) are applied to a copy, the after-graph is entailed from scratch, and {@link
 * Validation#validateChange} on the served change is compared with {@link Validation#validate} on
 * the whole after-graph. Focused cases change one statement whose findings land on other resources,
 * one for each kind of far-reaching shape.
 */
@ExtendWith(Shared.class)
class ChangeValidationTest {

  private static final Path FIXTURES = Path.of("src/test/resources/shapes");
  private static final String DGR = DGOV.ID;

  private static CuratedGraph curated;
  private static Graph served;
  private static SourceText source;
  private static List<Triple> statements;
  private static List<Node> described;
  private static List<Path> fixtures;
  private static final List<Boolean> verdicts = new ArrayList<>();

  /** One change of the asserted statements, with what it does in words. */
  private record Edit(String what, Set<Triple> add, Set<Triple> remove) {
    Edit and(Edit other) {
      Set<Triple> a = new HashSet<>(add);
      a.addAll(other.add);
      Set<Triple> r = new HashSet<>(remove);
      r.addAll(other.remove);
      return new Edit(what + "; " + other.what, a, r);
    }

    @Override
    public String toString() {
      return what
          + "\n  added: "
          + add.stream().map(Triple::toString).sorted().toList()
          + "\n  removed: "
          + remove.stream().map(Triple::toString).sorted().toList();
    }
  }

  /** A finding as the comparison sees it. */
  private record Key(
      Node focus, String path, Node value, Node shape, Node component, String severity, String m) {
    static Key of(Finding f) {
      ReportEntry e = f.result();
      return new Key(
          e.focusNode(),
          String.valueOf(e.resultPath()),
          e.value(),
          e.source(),
          e.sourceConstraintComponent(),
          String.valueOf(e.severity()),
          e.message());
    }
  }

  /** The two reports on one change. */
  private record Outcome(Change change, Set<Key> whole, Set<Key> part) {}

  @BeforeAll
  static void load(CuratedGraph graph) throws IOException {
    curated = graph;
    served = Inference.closure(graph);
    source = SourceText.read(TestProjects.repository().sourceText());
    statements =
        graph.data().find().toList().stream()
            .sorted(Comparator.comparing(ChangeValidationTest::stable))
            .toList();
    described =
        graph
            .data()
            .find(Node.ANY, RDF.type.asNode(), Node.ANY)
            .mapWith(Triple::getSubject)
            .toSet()
            .stream()
            .filter(Node::isURI)
            .sorted(Comparator.comparing(Node::getURI))
            .toList();
    try (Stream<Path> files = Files.list(FIXTURES)) {
      fixtures = files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList();
    }
  }

  @Test
  void theCuratedGraphConformsAndEveryShapeIsFollowed() {
    assertTrue(Validation.validate(curated, served, source).conforms());
    assertEquals(
        List.of(),
        ChangeValidation.of(curated.shapes()).global().stream().map(Object::toString).toList(),
        "shapes whose reads are not followed are validated on all their focus nodes at every write");
  }

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRandomChangeGetsTheFindingsOfTheWholeGraphCheck(int seed) throws Exception {
    Random random = new Random(seed);
    List<Function<Random, Edit>> kinds =
        List.of(
            ChangeValidationTest::deleteStatement,
            ChangeValidationTest::deleteProperty,
            ChangeValidationTest::deleteReferencedType,
            ChangeValidationTest::wrongValue,
            ChangeValidationTest::wrongLiteral,
            ChangeValidationTest::duplicateIsoCode,
            ChangeValidationTest::breakQuote,
            ChangeValidationTest::newResource,
            ChangeValidationTest::copyEntry,
            ChangeValidationTest::fixture,
            ChangeValidationTest::editorialNote);
    Edit edit = kinds.get(random.nextInt(kinds.size())).apply(random);
    int more = random.nextInt(3); // mixed changes: up to two more
    for (int i = 0; i < more; i++) {
      edit = edit.and(kinds.get(random.nextInt(kinds.size())).apply(random));
    }
    Outcome outcome = run(edit);
    assertEquals(outcome.whole(), outcome.part(), "seed " + seed + ": " + edit + differ(outcome));
    verdicts.add(outcome.whole().isEmpty());
  }

  /** The random changes were both valid and invalid ones. */
  @AfterAll
  static void someRandomChangesConformedAndSomeDidNot() {
    if (verdicts.size() == seeds().count()) {
      assertEquals(Set.of(true, false), Set.copyOf(verdicts), "verdicts of the random changes");
    }
  }

  // ---- far-reaching shapes: the change is about one resource, findings are about others

  @Test
  void aValueLosingItsClassBreaksWhoPointsAtIt() {
    // sh:class Actor on dgov:hasParty, sh:or of classes on org:memberOf: the agreements and
    // members pointing at a state
    Node chile = uri("chile");
    Outcome o = run(new Edit("chile untyped", Set.of(), Set.copyOf(types(chile))));
    assertFarFindings(o, chile);
  }

  @Test
  void aTopicsLayerLosingItsTypeBreaksTheTopicsUnderIt() {
    // sh:sparql with skos:broader+ ending at a typed layer
    Node layer = uri("data-layer");
    Outcome o = run(new Edit("data layer untyped", Set.of(), Set.copyOf(types(layer))));
    assertFarFindings(o, layer);
  }

  @Test
  void aSharedIdentifierBreaksBothHolders() {
    // sh:sparql uniqueness of an official identifier across resources
    Triple held = first(Node.ANY, DGOV.celex.asNode(), Node.ANY);
    Node other =
        described.stream()
            .filter(n -> served.contains(n, RDF.type.asNode(), DGOV.Instrument.asNode()))
            .filter(n -> !n.equals(held.getSubject()))
            .findFirst()
            .orElseThrow();
    Outcome o =
        run(
            new Edit(
                "identifier shared",
                Set.of(Triple.create(other, DGOV.celex.asNode(), held.getObject())),
                Set.of()));
    assertTrue(o.whole().stream().anyMatch(k -> k.focus().equals(held.getSubject())), "" + o);
    assertEquals(o.whole(), o.part());
  }

  @Test
  void anEvidenceLosingItsPageBreaksItsResource() {
    // sh:node EvidenceShape at the end of dgov:evidence, sh:or of page-and-quote or source
    // an evidence with no source to fall back on, the same one every run (blank node labels are
    // not)
    Graph data = curated.data();
    Triple page =
        data.find(Node.ANY, DGOV.page.asNode(), Node.ANY).toList().stream()
            .filter(t -> !data.contains(t.getSubject(), DCTerms.source.asNode(), Node.ANY))
            .min(
                Comparator.comparing(
                    (Triple t) ->
                        G.listPO(data, DGOV.evidence.asNode(), t.getSubject())
                            + " "
                            + G.listSP(data, t.getSubject(), DGOV.quote.asNode())))
            .orElseThrow();
    Outcome o = run(new Edit("page removed", Set.of(), Set.of(page)));
    assertFarFindings(o, page.getSubject());
  }

  @Test
  void aRecordValueRemovedBreaksItsDiscrepancy() {
    // sh:sparql reading the resource that links the discrepancy, and its property by variable
    Triple link = first(Node.ANY, DGOV.hasDiscrepancy.asNode(), Node.ANY);
    Node discrepancy = link.getObject();
    Node property = first(discrepancy, DGOV.concernsProperty.asNode(), Node.ANY).getObject();
    Set<Triple> held =
        Set.copyOf(curated.data().find(link.getSubject(), property, Node.ANY).toList());
    Outcome o = run(new Edit("recorded value removed", Set.of(), held));
    assertTrue(o.whole().stream().anyMatch(k -> k.focus().equals(discrepancy)), "" + o);
    assertEquals(o.whole(), o.part());
  }

  @Test
  void aMemberOfAnOrganisationWithoutCompletenessBreaksTheOrganisation() {
    // sh:targetObjectsOf org:memberOf
    Triple complete = first(Node.ANY, DGOV.memberListComplete.asNode(), Node.ANY);
    Outcome o = run(new Edit("completeness removed", Set.of(), Set.of(complete)));
    assertFalse(o.whole().isEmpty());
    assertEquals(o.whole(), o.part());
  }

  @Test
  void aBrokenQuoteAndAnUntypedReferenceAreFoundOnTheirResources() {
    // the checks SHACL cannot express: the quote's evidence owner, the resources mentioning a slug
    Triple quote = first(Node.ANY, DGOV.quote.asNode(), Node.ANY);
    Node broken =
        NodeFactory.createLiteralLang(quote.getObject().getLiteralLexicalForm() + "伪", "zh");
    Node topic = uri("cross-border-data-flows");
    Edit edit =
        new Edit(
                "quote broken",
                Set.of(Triple.create(quote.getSubject(), DGOV.quote.asNode(), broken)),
                Set.of(quote))
            .and(new Edit("topic untyped", Set.of(), Set.copyOf(types(topic))));
    Outcome o = run(edit);
    assertTrue(
        o.whole().stream()
            .anyMatch(k -> k.component().getURI().endsWith("QuoteOnPageConstraintComponent")));
    assertTrue(
        o.whole().stream()
            .anyMatch(
                k ->
                    k.component().getURI().endsWith("DescribedReferenceConstraintComponent")
                        && !k.focus().equals(topic)));
    assertEquals(o.whole(), o.part());
  }

  @Test
  void derivedStatementsThatGoBreakTheirMechanism() {
    // a rule-derived coversTopic and governanceMode: the change reaches the mechanism through
    // entailment, the served change carries it
    Node mode =
        first(Node.ANY, RDF.type.asNode(), DGOV.IntergovernmentalOrganization.asNode())
            .getSubject();
    Set<Triple> remove = new HashSet<>(types(mode));
    Outcome o = run(new Edit("organisation untyped", Set.of(), remove));
    assertEquals(o.whole(), o.part());
    assertFalse(o.whole().isEmpty());
  }

  @Test
  void aValidNewAgreementConforms() throws Exception {
    Outcome o = run(fixtureEdit(FIXTURES.resolve("agreement-valid.ttl")));
    assertTrue(o.whole().isEmpty(), "" + o.whole());
    assertEquals(o.whole(), o.part());
  }

  private static void assertFarFindings(Outcome o, Node changed) {
    assertTrue(
        o.whole().stream().anyMatch(k -> !k.focus().equals(changed)),
        "expected findings on resources other than " + changed + ": " + o.whole());
    assertEquals(o.whole(), o.part(), differ(o));
  }

  // ---- the kinds of random change

  private static Edit deleteStatement(Random r) {
    Triple t = pick(r, statements);
    return new Edit("delete a statement", Set.of(), Set.of(t));
  }

  private static Edit deleteProperty(Random r) {
    Triple t = pick(r, statements);
    return new Edit(
        "delete a property",
        Set.of(),
        Set.copyOf(curated.data().find(t.getSubject(), t.getPredicate(), Node.ANY).toList()));
  }

  private static Edit deleteReferencedType(Random r) {
    List<Triple> references =
        statements.stream()
            .filter(t -> t.getObject().isURI() && t.getObject().getURI().startsWith(DGR))
            .filter(t -> !t.getPredicate().equals(RDF.type.asNode()))
            .toList();
    Node o = pick(r, references).getObject();
    return new Edit("delete a referenced resource's type", Set.of(), Set.copyOf(types(o)));
  }

  private static Edit wrongValue(Random r) {
    List<Triple> links = statements.stream().filter(t -> t.getObject().isURI()).toList();
    Triple t = pick(r, links);
    Node other = pick(r, described);
    return new Edit(
        "a value of another class",
        Set.of(Triple.create(t.getSubject(), t.getPredicate(), other)),
        Set.of(t));
  }

  private static Edit wrongLiteral(Random r) {
    List<Triple> literals = statements.stream().filter(t -> t.getObject().isLiteral()).toList();
    Triple t = pick(r, literals);
    Node wrong =
        switch (r.nextInt(3)) {
          case 0 -> NodeFactory.createLiteralString(t.getObject().getLiteralLexicalForm());
          case 1 -> NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger);
          default -> NodeFactory.createLiteralLang("改", "zh");
        };
    return new Edit(
        "a literal of the wrong form",
        Set.of(Triple.create(t.getSubject(), t.getPredicate(), wrong)),
        Set.of(t));
  }

  private static Edit duplicateIsoCode(Random r) {
    List<Triple> codes =
        statements.stream()
            .filter(t -> t.getPredicate().equals(DGOV.iso3166Alpha2.asNode()))
            .toList();
    Triple a = pick(r, codes);
    Triple b = pick(r, codes);
    return new Edit(
        "a second state with an ISO code already used",
        Set.of(Triple.create(b.getSubject(), b.getPredicate(), a.getObject())),
        r.nextBoolean() ? Set.of(b) : Set.of());
  }

  private static Edit breakQuote(Random r) {
    List<Triple> quotes =
        statements.stream().filter(t -> t.getPredicate().equals(DGOV.quote.asNode())).toList();
    Triple q = pick(r, quotes);
    Node broken = NodeFactory.createLiteralLang(q.getObject().getLiteralLexicalForm() + "伪", "zh");
    return new Edit(
        "a quote not on its page",
        Set.of(Triple.create(q.getSubject(), q.getPredicate(), broken)),
        Set.of(q));
  }

  /** A change that keeps the graph conforming: an editorial note on a described resource. */
  private static Edit editorialNote(Random r) {
    Node resource = pick(r, described);
    return new Edit(
        "an editorial note",
        Set.of(
            Triple.create(
                resource,
                SKOS.editorialNote.asNode(),
                NodeFactory.createLiteralLang("note " + r.nextInt(1000), "en"))),
        Set.of());
  }

  private static Edit newResource(Random r) {
    Triple t = pick(r, statements);
    Node fresh = uri("new-resource-" + r.nextInt(1000));
    return new Edit(
        "a statement about a new resource",
        Set.of(Triple.create(fresh, t.getPredicate(), t.getObject())),
        Set.of());
  }

  private static Edit copyEntry(Random r) {
    Node original = pick(r, described);
    Node copy = uri(original.getURI().substring(DGR.length()) + "-copy");
    Set<Triple> add = new HashSet<>();
    curated
        .data()
        .find(original, Node.ANY, Node.ANY)
        .forEach(t -> add.add(Triple.create(copy, t.getPredicate(), t.getObject())));
    return new Edit("a copy of an entry under another slug", add, Set.of());
  }

  private static Edit fixture(Random r) {
    return fixtureEdit(pick(r, fixtures));
  }

  private static Edit fixtureEdit(Path file) {
    try {
      RdfFiles.Parsed parsed = RdfFiles.parse(file, file.getFileName().toString());
      return new Edit(
          "add " + file.getFileName(), Set.copyOf(parsed.graph().find().toList()), Set.of());
    } catch (SyntaxError e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- applying a change

  private static Outcome run(Edit edit) {
    Graph data = GraphFactory.createDefaultGraph();
    curated.data().find().forEach(data::add);
    edit.remove().forEach(data::delete);
    edit.add().forEach(data::add);
    data.getPrefixMapping().setNsPrefixes(curated.data().getPrefixMapping());
    CuratedGraph after =
        new CuratedGraph(
            curated.ontology(), data, curated.shapes(), curated.rules(), curated.files());
    Graph servedAfter = Inference.closure(after);
    Change change = between(served, servedAfter);
    Set<Key> whole = keys(Validation.validate(after, servedAfter, source));
    Set<Key> part = keys(Validation.validateChange(after, servedAfter, change, source));
    return new Outcome(change, whole, part);
  }

  private static Change between(Graph before, Graph after) {
    Set<Triple> added = after.find().filterDrop(before::contains).toSet();
    Set<Triple> removed = before.find().filterDrop(after::contains).toSet();
    return new Change(added, removed);
  }

  private static Set<Key> keys(Report report) {
    return report.findings().stream().map(Key::of).collect(Collectors.toSet());
  }

  private static String differ(Outcome o) {
    Set<Key> missed = new HashSet<>(o.whole());
    missed.removeAll(o.part());
    Set<Key> extra = new HashSet<>(o.part());
    extra.removeAll(o.whole());
    return "\n  missed: " + missed + "\n  extra: " + extra;
  }

  private static List<Triple> types(Node node) {
    return curated.data().find(node, RDF.type.asNode(), Node.ANY).toList();
  }

  private static Triple first(Node s, Node p, Node o) {
    return curated.data().find(s, p, o).toList().stream()
        .min(Comparator.comparing(ChangeValidationTest::stable))
        .orElseThrow();
  }

  /**
   * A key of {@code t} that is the same in every run: blank node labels are not, so a blank node is
   * written as what refers to it and what it says, so that the seeds pick the same statements.
   */
  private static String stable(Triple t) {
    return stable(t.getSubject()) + " " + t.getPredicate() + " " + stable(t.getObject());
  }

  private static String stable(Node n) {
    if (!n.isBlank()) {
      return n.toString();
    }
    Graph data = curated.data();
    return "["
        + data
            .find(Node.ANY, Node.ANY, n)
            .mapWith(t -> t.getSubject() + " " + t.getPredicate())
            .toList()
            .stream()
            .sorted()
            .toList()
        + data
            .find(n, Node.ANY, Node.ANY)
            .filterKeep(t -> !t.getObject().isBlank())
            .mapWith(t -> t.getPredicate() + " " + t.getObject())
            .toList()
            .stream()
            .sorted()
            .toList()
        + "]";
  }

  private static Node uri(String slug) {
    return NodeFactory.createURI(DGR + slug);
  }

  private static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
