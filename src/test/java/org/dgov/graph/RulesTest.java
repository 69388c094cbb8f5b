package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules in {@code rules/}: each is readable and cites its page truly, what they derive is
 * served with a derivation that names the rule and the resource it went through, the same
 * derivation gets the same IRI every time, and every governance mechanism ends up with one mode.
 */
@ExtendWith(Shared.class)
class RulesTest {

  private static final String PREFIXES =
      "PREFIX dgov: <https://w3id.org/dgov/ontology#>\n"
          + "PREFIX dgr: <https://w3id.org/dgov/id/>\n"
          + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";

  private static CuratedGraph curated;
  private static Graph served;

  @BeforeAll
  static void load(CuratedGraph shared) {
    curated = shared;
    served = Inference.closure(curated);
  }

  @Test
  void everyRuleIsDescribedAndCitesItsPageTruly() throws IOException {
    SourceText source = SourceText.read(TestProjects.repository().sourceText());
    assertFalse(curated.rules().isEmpty(), "rules/ holds the rules");
    for (Rule rule : curated.rules()) {
      assertTrue(served.contains(rule.iri(), RDF.type.asNode(), DGOV.Rule.asNode()), rule.name());
      if (rule.quote() != null) {
        assertTrue(
            source.onPage(String.valueOf(rule.page()), rule.quote()),
            rule.name() + ": the quote is not on page " + rule.page());
      }
    }
  }

  @Test
  void g7CoversDataFlowsThroughAnInstrumentItAdopted() {
    List<String> why =
        values(
            "via",
            PREFIXES
                + "SELECT ?via WHERE { dgr:g7 dgov:coversTopic dgr:cross-border-data-flows ."
                + " ?d a dgov:Derivation ; rdf:subject dgr:g7 ;"
                + " rdf:predicate dgov:coversTopic ; rdf:object dgr:cross-border-data-flows ;"
                + " dgov:byRule dgr:rule-coverage-through-adopted-instruments ; dgov:via ?via ."
                + " ?via dgov:adoptedBy dgr:g7 ; dgov:coversTopic dgr:cross-border-data-flows ;"
                + " dgov:evidence/dgov:attests dgr:cross-border-data-flows }");
    assertFalse(why.isEmpty(), "G7's coverage of data flows is derived and traceable");
  }

  @Test
  void everyDerivationNamesAServedStatementItsRuleAndItsWay() {
    List<String> broken =
        values(
            "d",
            PREFIXES
                + "SELECT ?d WHERE { ?d a dgov:Derivation ."
                + " OPTIONAL { ?d rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"
                + " FILTER (!BOUND(?s) || NOT EXISTS { ?s ?p ?o }"
                + " || NOT EXISTS { ?d dgov:byRule/a dgov:Rule } || NOT EXISTS { ?d dgov:via ?v }) }");
    assertEquals(List.of(), broken);
  }

  @Test
  void theSameDerivationHasTheSameIriEveryTime() {
    Set<Triple> once = Inference.of(curated).entailed(curated.union());
    Set<Triple> again = Inference.of(curated).entailed(curated.union());
    assertEquals(once, again);
    assertTrue(
        once.stream()
            .filter(t -> t.getObject().equals(DGOV.Derivation.asNode()))
            .noneMatch(t -> t.getSubject().isBlank()),
        "derivations are IRIs");
  }

  @Test
  void everyGovernanceMechanismHasExactlyOneMode() {
    List<String> wrong =
        values(
            "m",
            PREFIXES
                + "SELECT ?m (COUNT(?mode) AS ?modes) WHERE { ?m a dgov:GovernanceMechanism"
                + " OPTIONAL { ?m dgov:governanceMode ?mode } } GROUP BY ?m HAVING (?modes != 1)");
    assertEquals(List.of(), wrong);
  }

  @Test
  void aModeThePaperStatesIsKeptAndNotDerived() {
    Node itu = NodeFactory.createURI(DGOV.ID + "itu");
    assertTrue(curated.data().contains(itu, DGOV.governanceMode.asNode(), Node.ANY));
    assertTrue(
        values(
                "d",
                PREFIXES
                    + "SELECT ?d WHERE { ?d rdf:subject dgr:itu ; rdf:predicate dgov:governanceMode }")
            .isEmpty());
  }

  @Test
  void domainAndRangeTypeNothingSoEventsStayEvents() {
    assertEquals(
        List.of(),
        values("e", PREFIXES + "SELECT ?e WHERE { ?e a dgov:Event , dgov:Instrument }"),
        "events typed instruments through the domain of dgov:adoptedBy or dgov:status");
    Graph mistyped = GraphFactory.createDefaultGraph();
    curated.union().find().forEach(mistyped::add);
    Node event = NodeFactory.createURI(DGOV.ID + "test-event");
    mistyped.add(event, RDF.type.asNode(), DGOV.Event.asNode());
    mistyped.add(event, DGOV.adoptedBy.asNode(), NodeFactory.createURI(DGOV.ID + "g7"));
    assertFalse(
        Inference.of(curated)
            .entailed(mistyped)
            .contains(Triple.create(event, RDF.type.asNode(), DGOV.Instrument.asNode())));
  }

  @Test
  void nothingIsEntailedFromNothing() {
    assertEquals(Set.of(), Inference.of(curated).entailed(GraphFactory.createDefaultGraph()));
  }

  @Test
  void aRuleThatNeverSettlesIsReported(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("grow.rq");
    Files.writeString(
        file,
        "# title: grows\n# title-zh: 增长\n# description: mints a new resource every round\n"
            + PREFIXES
            + "CONSTRUCT { ?next dgov:via ?x } WHERE { ?x dgov:via ?y"
            + " BIND (IRI(CONCAT(STR(?x), \"x\")) AS ?next) }");
    Graph seed = GraphFactory.createDefaultGraph();
    Node a = NodeFactory.createURI(DGOV.ID + "a");
    seed.add(a, DGOV.via.asNode(), a);
    Inference growing = new Inference(GraphFactory.createDefaultGraph(), List.of(Rule.read(file)));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> growing.entailed(seed));
    assertTrue(e.getMessage().contains("rules/"), e.getMessage());
  }

  @Test
  void aRuleThatIsNotAConstructIsRefusedWithItsFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("select.rq");
    Files.writeString(file, "# title: t\n# title-zh: t\n# description: d\nSELECT * { ?s ?p ?o }");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rule.read(file));
    assertTrue(e.getMessage().contains("select.rq") && e.getMessage().contains("CONSTRUCT"));
  }

  @Test
  void aRuleWithoutAChineseTitleIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("untitled.rq");
    Files.writeString(file, "# title: t\n# description: d\nCONSTRUCT { ?s ?p ?o } { ?s ?p ?o }");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rule.read(file));
    assertTrue(e.getMessage().contains("title-zh"), e.getMessage());
  }

  /** The values of {@code var} in the answers to {@code query} over the served graph. */
  private static List<String> values(String var, String query) {
    return QueryExec.graph(served).query(query).select().materialize().stream()
        .map(row -> String.valueOf(row.get(Var.alloc(var))))
        .toList();
  }
}
