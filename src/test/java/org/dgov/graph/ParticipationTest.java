package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Participation in agreements as n-ary nodes: every party of an agreement has its participation,
 * dates are in order, applicants are not parties, every member or party list says whether it is
 * complete, and the shapes reject a participation without a role and an agreement with parties that
 * does not say whether its list is complete.
 */
@ExtendWith(Shared.class)
class ParticipationTest {

  private static final String PREFIXES =
      """
      PREFIX dgov: <https://w3id.org/dgov/ontology#>
      PREFIX dgr: <https://w3id.org/dgov/id/>
      PREFIX org: <http://www.w3.org/ns/org#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      """;

  private static CuratedGraph curated;
  private static Graph graph;
  private static SourceText source;

  @BeforeAll
  static void load(CuratedGraph shared) throws IOException {
    curated = shared;
    graph = Inference.closure(shared);
    source = SourceText.read(TestProjects.repository().sourceText());
  }

  private static List<String> select(String query, String... vars) {
    List<String> rows = new ArrayList<>();
    try (QueryExecution exec =
        QueryExecution.create(PREFIXES + query, ModelFactory.createModelForGraph(graph))) {
      ResultSet results = exec.execSelect();
      while (results.hasNext()) {
        QuerySolution row = results.next();
        StringBuilder line = new StringBuilder();
        for (String v : vars) {
          line.append(row.get(v)).append(' ');
        }
        rows.add(line.toString().trim());
      }
    }
    return rows;
  }

  @Test
  void everyPartyOfAnAgreementHasAParticipationAsSignatoryOrParty() {
    List<String> missing =
        select(
            """
            SELECT ?agreement ?actor WHERE {
              ?agreement a dgov:Agreement ; dgov:hasParty ?actor .
              FILTER NOT EXISTS {
                ?p a dgov:Participation ; dgov:inInstrument ?agreement ; dgov:participant ?actor ;
                  dgov:role ?role .
                VALUES ?role { dgr:role-signatory dgr:role-party dgr:role-negotiating-party }
              }
            } ORDER BY ?agreement ?actor""",
            "agreement",
            "actor");
    assertEquals(List.of(), missing, "dgov:hasParty without a participation");
    assertTrue(
        select("SELECT ?p WHERE { ?p a dgov:Participation }", "p").size() > 50,
        "the participations are loaded");
  }

  @Test
  void signatoriesAndPartiesAreExactlyTheShortcutsParties() {
    List<String> notShortcut =
        select(
            """
            SELECT ?agreement ?actor WHERE {
              ?p dgov:inInstrument ?agreement ; dgov:participant ?actor ; dgov:role ?role .
              ?agreement a dgov:Agreement .
              VALUES ?role { dgr:role-signatory dgr:role-party dgr:role-negotiating-party }
              FILTER NOT EXISTS { ?agreement dgov:hasParty ?actor }
            }""",
            "agreement",
            "actor");
    assertEquals(List.of(), notShortcut, "signatory or party without dgov:hasParty");
    List<String> applicantsAsParties =
        select(
            """
            SELECT ?agreement ?actor WHERE {
              ?p dgov:inInstrument ?agreement ; dgov:participant ?actor ; dgov:role dgr:role-applicant .
              ?agreement dgov:hasParty ?actor .
            }""",
            "agreement",
            "actor");
    assertEquals(List.of(), applicantsAsParties, "an applicant is not a party");
  }

  @Test
  void noEntryIntoForceOrRatificationBeforeSignature() {
    List<String> early =
        select(
            """
            SELECT ?node ?signed ?later WHERE {
              VALUES ?path { dgov:dateEnteredIntoForce dgov:dateRatified }
              ?node dgov:dateSigned ?signed ; ?path ?later .
              BIND (STR(?signed) AS ?s)
              BIND (STR(?later) AS ?f)
              BIND (IF(STRLEN(?s) < STRLEN(?f), STRLEN(?s), STRLEN(?f)) AS ?common)
              FILTER (SUBSTR(?f, 1, ?common) < SUBSTR(?s, 1, ?common))
            }""",
            "node",
            "signed",
            "later");
    assertEquals(List.of(), early);
    List<String> laterThanParty =
        select(
            """
            SELECT ?p WHERE {
              ?p a dgov:Participation ; dgov:dateEnteredIntoForce ?force ; dgov:dateWithdrawn ?w .
              FILTER (STR(?w) < STR(?force))
            }""",
            "p");
    assertEquals(List.of(), laterThanParty, "withdrawn before entry into force");
  }

  @Test
  void everyAgreementAndEveryListOfMembersSaysWhetherItIsComplete() {
    List<String> agreements =
        select(
            """
            SELECT ?a WHERE { ?a a dgov:Agreement FILTER NOT EXISTS { ?a dgov:partyListComplete ?c } }""",
            "a");
    assertEquals(List.of(), agreements, "agreements without dgov:partyListComplete");
    List<String> lists =
        select(
            """
            SELECT DISTINCT ?o WHERE {
              { [] org:memberOf ?o } UNION { [] org:organization ?o }
              FILTER NOT EXISTS { ?o dgov:memberListComplete ?c }
            }""",
            "o");
    assertEquals(List.of(), lists, "member lists without dgov:memberListComplete");
    List<String> partial =
        select("SELECT ?o WHERE { ?o dgov:memberListComplete false } ORDER BY ?o", "o");
    assertTrue(
        partial.containsAll(
            List.of(
                "https://w3id.org/dgov/id/global-cbpr-forum",
                "https://w3id.org/dgov/id/nato-ccdcoe",
                "https://w3id.org/dgov/id/wto-e-commerce-jsi")),
        "the partial lists the issue names are marked partial: " + partial);
  }

  @Test
  void rcepWasInForceForTwelveOfItsFifteenSignatoriesOnFirstJuly2022() {
    List<String> rows =
        select(
            """
            SELECT ?actor WHERE {
              ?p dgov:inInstrument dgr:rcep ; dgov:participant ?actor ; dgov:dateEnteredIntoForce ?f .
              FILTER (STR(?f) <= "2022-07-01")
            }""",
            "actor");
    assertEquals(12, rows.size(), rows.toString());
    assertFalse(rows.contains("https://w3id.org/dgov/id/indonesia"), "Indonesia: 2 January 2023");
  }

  @Test
  void everyActorAnEvidenceAttestsIsLinkedDirectlyOrByParticipation() {
    List<String> unlinked =
        select(
            """
            SELECT ?s ?actor WHERE {
              ?s dgov:evidence/dgov:attests ?actor .
              ?actor a dgov:Actor .
              FILTER NOT EXISTS { ?s ?link ?actor }
              FILTER NOT EXISTS { ?actor ?inverse ?s }
              FILTER NOT EXISTS { ?p dgov:inInstrument ?s ; dgov:participant ?actor }
            } ORDER BY ?s ?actor""",
            "s",
            "actor");
    assertEquals(List.of(), unlinked, "an actor attested by an evidence, linked by no statement");
  }

  @Test
  void aParticipationWithoutARoleIsRejected() throws SyntaxError {
    Report report =
        validate(
            """
            dgr:test-participation a dgov:Participation ;
              dgov:participant dgr:singapore ;
              dgov:inInstrument dgr:depa ;
              dgov:evidence [ dcterms:source <https://www.mfat.govt.nz/> ; dgov:attests dgr:depa ] .
            """);
    assertFalse(report.conforms());
    assertTrue(
        report.findings().stream()
            .anyMatch(f -> f.message().contains("a participation needs exactly one role")),
        report.findings().toString());
  }

  @Test
  void aParticipationWithTwoInstrumentsIsRejected() throws SyntaxError {
    Report report =
        validate(
            """
            dgr:test-participation a dgov:Participation ;
              dgov:participant dgr:singapore ;
              dgov:inInstrument dgr:depa, dgr:rcep ;
              dgov:role dgr:role-party ;
              dgov:evidence [ dcterms:source <https://www.mfat.govt.nz/> ; dgov:attests dgr:depa ] .
            """);
    assertTrue(
        report.findings().stream()
            .anyMatch(f -> f.message().contains("names exactly one instrument")),
        report.findings().toString());
  }

  @Test
  void anAgreementWithPartiesButNoCompletenessIsRejected() throws SyntaxError {
    String agreement =
        """
        dgr:test-agreement a dgov:Agreement ;
          rdfs:label "Test agreement on participation"@en, "参与测试协定"@zh ;
          dgov:hasParty dgr:chile, dgr:singapore ;%s
          dgov:evidence [ dgov:page 19 ; dgov:quote "DEPA 缔约国智利、新加坡、新西兰同为 CPTPP 成员"@zh ;
            dgov:attests dgr:chile, dgr:singapore, dgov:partyListComplete ] .
        """;
    Report without = validate(agreement.formatted(""));
    assertTrue(
        without.findings().stream()
            .anyMatch(
                f -> f.message().contains("must say whether its list of parties is complete")),
        without.findings().toString());
    Report with = validate(agreement.formatted("\n  dgov:partyListComplete false ;"));
    assertTrue(with.conforms(), with.findings().toString());
  }

  private static Report validate(String turtle) throws SyntaxError {
    String text =
        """
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix dgov: <https://w3id.org/dgov/ontology#> .
        @prefix dgr: <https://w3id.org/dgov/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        """
            + turtle;
    RdfFiles.Parsed entry =
        RdfFiles.parse(text.getBytes(StandardCharsets.UTF_8), Lang.TURTLE, "participation.ttl");
    return Validation.validateEntries(curated, List.of(entry), source);
  }
}
