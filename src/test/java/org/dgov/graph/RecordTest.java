package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The paper's claims and the official record: every discrepancy carries both sides' evidence and
 * the resource holds the recorded value; one named query lists every discrepancy; the dates the
 * record gives stay (GDPR, DSA, DEPA); statuses hold as of the dataset's temporal scope; distinct
 * bodies (the two OEWGs, the successive GGEs) stay distinct; lower bounds are not point values and
 * reference areas are areas.
 */
@ExtendWith(Shared.class)
class RecordTest {

  private static final String PREFIXES =
      """
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX dgov: <https://w3id.org/dgov/ontology#>
      PREFIX dgr: <https://w3id.org/dgov/id/>
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
      PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      """;

  private static Graph graph;
  private static SourceText source;

  @BeforeAll
  static void load(CuratedGraph shared) throws IOException {
    graph = Inference.closure(shared);
    source = SourceText.read(TestProjects.repository().sourceText());
  }

  private static List<List<String>> select(String query, String... vars) {
    List<List<String>> rows = new ArrayList<>();
    try (QueryExecution exec =
        QueryExecution.create(PREFIXES + query, ModelFactory.createModelForGraph(graph))) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        QuerySolution row = results.next();
        List<String> line = new ArrayList<>();
        for (String v : vars) {
          line.add(
              row.get(v) == null
                  ? ""
                  : row.get(v).isLiteral()
                      ? row.get(v).asLiteral().getLexicalForm()
                      : row.get(v).toString());
        }
        rows.add(line);
      }
    }
    return rows;
  }

  private static boolean ask(String query) {
    try (QueryExecution exec =
        QueryExecution.create(PREFIXES + query, ModelFactory.createModelForGraph(graph))) {
      return exec.execAsk();
    }
  }

  @Test
  void everyDiscrepancyHasThePapersQuoteOnItsPageAndAnOfficialSource() {
    List<List<String>> discrepancies =
        select("SELECT ?d WHERE { ?d a dgov:Discrepancy } ORDER BY ?d", "d");
    assertFalse(discrepancies.isEmpty(), "the graph marks where the paper and the record differ");
    List<List<String>> incomplete =
        select(
            """
            SELECT ?d WHERE {
              ?d a dgov:Discrepancy .
              FILTER (NOT EXISTS { ?d dgov:evidence [ dgov:page ?p ; dgov:quote ?q ] }
                || NOT EXISTS { ?d dgov:evidence/dcterms:source ?s
                                FILTER (REGEX(STR(?s), "^https?://")) }
                || NOT EXISTS { ?d dgov:concernsProperty ?property }
                || NOT EXISTS { ?d dgov:paperValue ?value }
                || NOT EXISTS { ?d skos:editorialNote ?note })
            } ORDER BY ?d""",
            "d");
    assertEquals(List.of(), incomplete, "discrepancy without one side's evidence, value or note");
    for (List<String> row :
        select(
            """
            SELECT ?d ?page ?quote WHERE {
              ?d a dgov:Discrepancy ; dgov:evidence [ dgov:page ?page ; dgov:quote ?quote ] .
            }""",
            "d",
            "page",
            "quote")) {
      assertTrue(
          source.onPage(row.get(1), row.get(2)), row.get(0) + ": quote not on page " + row.get(1));
    }
  }

  @Test
  void theResourceHoldsTheRecordedValueAndNotThePapers() {
    List<List<String>> notHeld =
        select(
            """
            SELECT ?r ?d WHERE {
              ?r dgov:hasDiscrepancy ?d .
              ?d dgov:concernsProperty ?p ; dgov:recordValue ?v .
              FILTER NOT EXISTS { ?r ?p ?v }
            }""",
            "r",
            "d");
    assertEquals(List.of(), notHeld, "the triple must hold the recorded value");
    List<List<String>> paperHeld =
        select(
            """
            SELECT ?r ?d WHERE {
              ?r dgov:hasDiscrepancy ?d .
              ?d dgov:concernsProperty ?p ; dgov:paperValue ?v .
              ?r ?p ?v .
              FILTER NOT EXISTS { ?d dgov:recordValue ?v }
            }""",
            "r",
            "d");
    assertEquals(List.of(), paperHeld, "the triple must not hold the paper's contradicted value");
    List<List<String>> owners =
        select(
            """
            SELECT ?d (COUNT(DISTINCT ?r) AS ?n) WHERE {
              ?d a dgov:Discrepancy . OPTIONAL { ?r dgov:hasDiscrepancy ?d }
            } GROUP BY ?d HAVING (COUNT(DISTINCT ?r) != 1)""",
            "d",
            "n");
    assertEquals(List.of(), owners, "each discrepancy belongs to exactly one resource");
  }

  @Test
  void oneNamedQueryListsEveryDiscrepancy() {
    NamedQuery query =
        NamedQuery.all(TestProjects.repository().queriesDir()).stream()
            .filter(q -> q.name().equals("list-paper-record-differences"))
            .findFirst()
            .orElseThrow();
    List<String> listed = new ArrayList<>();
    try (QueryExecution exec =
        QueryExecution.create(query.text(), ModelFactory.createModelForGraph(graph))) {
      exec.execSelect().forEachRemaining(row -> listed.add(row.get("resource").toString()));
    }
    List<List<String>> all = select("SELECT ?r ?d WHERE { ?r dgov:hasDiscrepancy ?d }", "r", "d");
    assertEquals(all.size(), listed.size(), "one row per discrepancy");
    for (List<String> row : all) {
      assertTrue(listed.contains(row.get(0)), row.get(0) + " missing from the query");
    }
  }

  @Test
  void theGdprKeepsItsDatesOfAdoptionEntryIntoForceAndApplication() {
    assertTrue(
        ask(
            """
            ASK {
              dgr:gdpr dgov:dateAdopted "2016-04-27"^^xsd:date ;
                dgov:dateEnteredIntoForce "2016-05-24"^^xsd:date ;
                dgov:dateOfApplication "2018-05-25"^^xsd:date ;
                dgov:status dgov:InForce ;
                dgov:evidence/dcterms:source <https://eur-lex.europa.eu/eli/reg/2016/679/oj> .
            }"""),
        "GDPR: adopted 2016-04-27, in force 2016-05-24, applies from 2018-05-25 (EUR-Lex)");
    assertTrue(
        ask(
            """
            ASK {
              dgr:digital-services-act dgov:dateEnteredIntoForce "2022-11-16"^^xsd:date ;
                dgov:dateOfApplication "2024-02-17"^^xsd:date ;
                dgov:status dgov:InForce .
            }"""),
        "DSA: in force since 2022-11-16, not merely adopted");
    assertTrue(
        ask(
            """
            ASK { dgr:depa dgov:dateEnteredIntoForce "2021-01-07"^^xsd:date ;
                dgov:dateSigned "2020-06-12"^^xsd:date }"""),
        "DEPA entered into force on 7 January 2021, not in November 2021");
  }

  @Test
  void everyDateOfApplicationRestsOnAnOfficialSource() {
    List<List<String>> unsourced =
        select(
            """
            SELECT ?i WHERE {
              ?i dgov:dateOfApplication ?a .
              FILTER NOT EXISTS { ?i dgov:evidence/dcterms:source ?s }
            }""",
            "i");
    assertEquals(List.of(), unsourced, "the paper gives no date of application: the record does");
  }

  @Test
  void noDateOfApplicationPrecedesEntryIntoForce() {
    List<List<String>> early =
        select(
            """
            SELECT ?i WHERE {
              ?i dgov:dateOfApplication ?a ; dgov:dateEnteredIntoForce ?f .
              FILTER (STR(?a) < STR(?f))
            }""",
            "i");
    assertEquals(List.of(), early);
  }

  @Test
  void noEntryIntoForcePrecedesSignatureOrAdoption() {
    List<List<String>> early =
        select(
            """
            SELECT ?i ?p WHERE {
              VALUES ?p { dgov:dateSigned dgov:dateAdopted }
              ?i ?p ?d ; dgov:dateEnteredIntoForce ?f .
              BIND (STR(?d) AS ?ds)
              BIND (STR(?f) AS ?fs)
              BIND (IF(STRLEN(?ds) < STRLEN(?fs), STRLEN(?ds), STRLEN(?fs)) AS ?n)
              FILTER (SUBSTR(?fs, 1, ?n) < SUBSTR(?ds, 1, ?n))
            } ORDER BY ?i""",
            "i",
            "p");
    assertEquals(List.of(), early, "entry into force before signature or adoption");
  }

  @Test
  void aValueTheRecordDoesNotKnowIsNotKept() {
    List<List<String>> kept =
        select(
            """
            SELECT ?r ?d WHERE {
              ?r dgov:hasDiscrepancy ?d .
              ?d dgov:concernsProperty ?p ; dgov:paperValue ?v .
              FILTER (ISLITERAL(?v))
              FILTER NOT EXISTS { ?d dgov:recordValue ?any }
              ?r ?p ?value .
            } ORDER BY ?r""",
            "r",
            "d");
    assertEquals(
        List.of(),
        kept,
        "where the record has no such date (a meeting that did not take place), the resource keeps"
            + " the paper's quote but no date");
    assertTrue(
        ask(
            """
            ASK { dgr:g7-leaders-summit-2022-04 dgov:hasDiscrepancy ?d .
                  ?d dgov:concernsProperty dgov:date ; dgov:paperValue ?v .
                  FILTER NOT EXISTS { ?d dgov:recordValue ?any } }"""),
        "the paper's April 2022 G7 leaders' summit is marked as absent from the record");
  }

  @Test
  void statusesHoldAsOfTheDatasetsTemporalScope() {
    List<List<String>> end =
        select("SELECT ?end WHERE { dgr:dgov-kg dcterms:temporal/dcat:endDate ?end }", "end");
    assertEquals(1, end.size(), "data/dataset.ttl states the temporal scope");
    List<List<String>> wrong =
        select(
            """
            SELECT ?i ?status ?force WHERE {
              dgr:dgov-kg dcterms:temporal/dcat:endDate ?end .
              ?i dgov:status ?status ; dgov:dateEnteredIntoForce ?force .
              BIND (SUBSTR(STR(?force), 1, 10) AS ?f)
              FILTER ((?f <= STR(?end) && ?status NOT IN (dgov:InForce, dgov:Superseded))
                || (?f > STR(?end) && ?status = dgov:InForce))
            } ORDER BY ?i""",
            "i",
            "status",
            "force");
    assertEquals(List.of(), wrong, "status inconsistent with entry into force as of the end date");
  }

  @Test
  void theTwoOewgsStayDistinct() {
    assertTrue(
        ask(
            """
            ASK {
              dgr:oewg a dgov:IntergovernmentalOrganization .
              dgr:oewg-2019-2021 a dgov:IntergovernmentalOrganization .
              dgr:oewg-first-report dgov:adoptedBy dgr:oewg-2019-2021 .
              dgr:oewg-substantive-session-2022-04 dgov:convenedBy dgr:oewg .
              dgr:oewg-substantive-session-2022-07 dgov:convenedBy dgr:oewg .
              dgr:oewg-chair-zero-draft-2022 dgov:adoptedBy dgr:oewg .
            }"""),
        "the first report belongs to the 2019-2021 OEWG, the 2022 sessions to the 2021-2025 one");
    assertFalse(
        ask(
            """
            ASK {
              { dgr:oewg owl:sameAs dgr:oewg-2019-2021 } UNION { dgr:oewg-2019-2021 owl:sameAs dgr:oewg }
              UNION { ?x dgov:adoptedBy dgr:oewg, dgr:oewg-2019-2021 }
              UNION { ?e dgov:convenedBy dgr:oewg-2019-2021 ; dgov:date ?d FILTER (STR(?d) >= "2021-06") }
              UNION { dgr:oewg rdfs:label ?l . dgr:oewg-2019-2021 rdfs:label ?l }
            }"""),
        "the OEWGs merge: shared identity, label or outcome, or a post-2021 event of the first");
  }

  @Test
  void eachGgeReportHasItsOwnGroup() {
    List<List<String>> adopters =
        select(
            """
            SELECT ?report ?group WHERE {
              VALUES ?report { dgr:un-gge-report-2013 dgr:un-gge-report-2015 dgr:un-gge-report-2021 }
              ?report dgov:adoptedBy ?group .
            } ORDER BY ?report""",
            "report",
            "group");
    assertEquals(3, adopters.size(), "each report has one adopting group");
    assertEquals(
        3,
        adopters.stream().map(r -> r.get(1)).distinct().count(),
        "the 2013, 2015 and 2021 reports come from three distinct groups: " + adopters);
  }

  @Test
  void theOsakaDeclarationIsNotAG20Document() {
    assertFalse(
        ask(
            """
            ASK { VALUES ?i { dgr:g20-osaka-declaration-on-digital-economy dgr:osaka-track }
                  ?i dgov:adoptedBy dgr:g20 }"""),
        "signed by some G20 leaders with non-members, not by the G20");
    assertTrue(
        ask(
            """
            ASK { dgr:g20-osaka-declaration-on-digital-economy dgov:hasDiscrepancy ?d .
                  ?d dgov:concernsProperty dgov:adoptedBy ; dgov:paperValue dgr:g20 }"""),
        "the paper's G20 attribution stays queryable");
  }

  @Test
  void lowerBoundsAreNotPointValues() {
    List<List<String>> asPoints =
        select(
            """
            SELECT ?o WHERE {
              ?o a qb:Observation ; sdmx-measure:obsValue ?v ; dgov:evidence/dgov:quote ?q .
              FILTER (REGEX(STR(?q), CONCAT("(超过?|以上) ?", REPLACE(STR(?v), "\\\\.0$", ""), "([^0-9.]|$)"))
                || REGEX(STR(?q), CONCAT("超过? ?", REPLACE(STR(?v), "\\\\.0$", ""), "([^0-9.]|$)")))
            } ORDER BY ?o""",
            "o");
    assertEquals(List.of(), asPoints, "a value the paper gives as exceeded (超, 超过) is a bound");
    assertTrue(
        select("SELECT ?o WHERE { ?o dgov:obsLowerBound ?b }", "o").size() >= 6,
        "the lower bounds are recorded");
    List<List<String>> notAreas =
        select(
            """
            SELECT ?o ?a WHERE {
              ?o sdmx-dimension:refArea ?a .
              FILTER NOT EXISTS { ?a a dgov:Area }
              FILTER NOT EXISTS { ?a a dgov:State }
            } ORDER BY ?o""",
            "o",
            "a");
    assertEquals(List.of(), notAreas, "sdmx-dimension:refArea holds areas or states only");
  }
}
