package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.Shared;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The topics, issue layers, principles and governance modes form SKOS concept schemes that Skosmos-
 * and VocBench-style tools can read: the integrity conditions of the SKOS reference (S13, S14, the
 * hierarchy, schemes and top concepts) hold, and each check is shown to find what it looks for when
 * the data is broken on purpose.
 */
@ExtendWith(Shared.class)
class SkosTest {

  private static final String PREFIXES =
      """
      PREFIX dgov: <https://w3id.org/dgov/ontology#>
      PREFIX dgr: <https://w3id.org/dgov/id/>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      """;

  /** The concepts that must be in a scheme. */
  private static final String CONCEPT =
      "VALUES ?type { dgov:Topic dgov:IssueLayer dgov:Principle dgov:GovernanceMode } ?c a ?type .";

  private static final Node ISSUES = NodeFactory.createURI(DGOV.ID + "digital-governance-issues");

  private static Graph graph;

  @BeforeAll
  static void load(CuratedGraph curated) {
    graph = curated.union();
  }

  // --- the checks: each returns the offending resources, empty when the condition holds ---

  /** S14: a resource has no more than one value of skos:prefLabel per language tag. */
  static List<String> twoPrefLabelsInOneLanguage(Graph g) {
    return select(
        g,
        """
        SELECT DISTINCT ?c ?a ?b WHERE {
          ?c skos:prefLabel ?a , ?b .
          FILTER (?a != ?b && LANG(?a) = LANG(?b) && STR(?a) < STR(?b))
        }""");
  }

  /** Every concept has a preferred label in English and one in Chinese. */
  static List<String> missingPrefLabel(Graph g) {
    return select(
        g,
        "SELECT ?c ?lang WHERE { "
            + CONCEPT
            + """
              VALUES ?lang { "en" "zh" }
              FILTER NOT EXISTS { ?c skos:prefLabel ?l FILTER (LANG(?l) = ?lang) }
            }""");
  }

  /** The preferred label of a concept is its rdfs:label, language by language. */
  static List<String> prefLabelDiffersFromLabel(Graph g) {
    return select(
        g,
        """
        SELECT ?c ?l WHERE {
          { ?c skos:prefLabel ?l FILTER NOT EXISTS { ?c rdfs:label ?l } }
          UNION
          { ?c skos:prefLabel [] ; rdfs:label ?l FILTER NOT EXISTS { ?c skos:prefLabel ?l } }
        }""");
  }

  /** S13: skos:prefLabel, skos:altLabel and skos:hiddenLabel are pairwise disjoint. */
  static List<String> prefLabelAlsoAltOrHidden(Graph g) {
    return select(
        g,
        """
        SELECT ?c ?l WHERE {
          { ?c skos:prefLabel ?l ; skos:altLabel ?l }
          UNION { ?c skos:prefLabel ?l ; skos:hiddenLabel ?l }
          UNION { ?c skos:altLabel ?l ; skos:hiddenLabel ?l }
        }""");
  }

  /** No concept is broader than itself through a chain of skos:broader or skos:narrower. */
  static List<String> broaderCycles(Graph g) {
    return select(g, "SELECT DISTINCT ?c WHERE { ?c (skos:broader|^skos:narrower)+ ?c }");
  }

  /** Every topic, layer, principle and mode is in a concept scheme. */
  static List<String> notInAScheme(Graph g) {
    return select(
        g,
        "SELECT ?c WHERE { "
            + CONCEPT
            + " FILTER NOT EXISTS { ?c skos:inScheme ?s . ?s a skos:ConceptScheme } }");
  }

  /** A broader concept is in the scheme of its narrower one. */
  static List<String> broaderOutsideTheScheme(Graph g) {
    return select(
        g,
        """
        SELECT ?c ?b ?s WHERE {
          ?c skos:broader ?b ; skos:inScheme ?s .
          FILTER NOT EXISTS { ?b skos:inScheme ?s }
        }""");
  }

  /**
   * skos:hasTopConcept and skos:topConceptOf state the same pairs, a top concept is in its scheme,
   * and it has no broader concept in that scheme.
   */
  static List<String> inconsistentTopConcepts(Graph g) {
    return select(
        g,
        """
        SELECT ?s ?c ?problem WHERE {
          { ?s skos:hasTopConcept ?c FILTER NOT EXISTS { ?c skos:topConceptOf ?s }
            BIND ("hasTopConcept without topConceptOf" AS ?problem) }
          UNION
          { ?c skos:topConceptOf ?s FILTER NOT EXISTS { ?s skos:hasTopConcept ?c }
            BIND ("topConceptOf without hasTopConcept" AS ?problem) }
          UNION
          { ?c skos:topConceptOf ?s FILTER NOT EXISTS { ?c skos:inScheme ?s }
            BIND ("top concept not in its scheme" AS ?problem) }
          UNION
          { ?c skos:topConceptOf ?s ; skos:broader ?b . ?b skos:inScheme ?s
            BIND ("top concept with a broader concept" AS ?problem) }
        }""");
  }

  /** The top concepts of the scheme of issues are exactly the issue layers. */
  static List<String> topConceptsOfIssuesAreNotTheLayers(Graph g) {
    return select(
        g,
        """
        SELECT ?c ?problem WHERE {
          { dgr:digital-governance-issues skos:hasTopConcept ?c
            FILTER NOT EXISTS { ?c a dgov:IssueLayer }
            BIND ("top concept that is not a layer" AS ?problem) }
          UNION
          { ?c a dgov:IssueLayer
            FILTER NOT EXISTS { dgr:digital-governance-issues skos:hasTopConcept ?c }
            BIND ("layer that is not a top concept" AS ?problem) }
        }""");
  }

  /** Within a scheme no two concepts share a preferred label (Skosmos looks concepts up by it). */
  static List<String> prefLabelSharedInAScheme(Graph g) {
    return select(
        g,
        """
        SELECT ?s ?l ?a ?b WHERE {
          ?a skos:inScheme ?s ; skos:prefLabel ?l .
          ?b skos:inScheme ?s ; skos:prefLabel ?l .
          FILTER (STR(?a) < STR(?b))
        }""");
  }

  /** Every concept and scheme has exactly one English definition. */
  static List<String> withoutOneEnglishDefinition(Graph g) {
    return select(
        g,
        """
        SELECT ?c (COUNT(?d) AS ?n) WHERE {
          { VALUES ?type { dgov:Topic dgov:IssueLayer dgov:Principle dgov:GovernanceMode
                           skos:ConceptScheme }
            ?c a ?type }
          OPTIONAL { ?c skos:definition ?d FILTER (LANG(?d) = "en") }
        }
        GROUP BY ?c HAVING (COUNT(?d) != 1)""");
  }

  // --- the curated graph satisfies every check ---

  @Test
  void noConceptHasTwoPreferredLabelsInOneLanguage() {
    assertEquals(List.of(), twoPrefLabelsInOneLanguage(graph));
  }

  @Test
  void everyConceptHasAnEnglishAndAChinesePreferredLabel() {
    assertEquals(List.of(), missingPrefLabel(graph));
  }

  @Test
  void preferredLabelsAreTheLabels() {
    assertEquals(List.of(), prefLabelDiffersFromLabel(graph));
  }

  @Test
  void preferredAlternativeAndHiddenLabelsAreDisjoint() {
    assertEquals(List.of(), prefLabelAlsoAltOrHidden(graph));
  }

  @Test
  void theHierarchyHasNoCycles() {
    assertEquals(List.of(), broaderCycles(graph));
  }

  @Test
  void everyConceptIsInAScheme() {
    assertEquals(List.of(), notInAScheme(graph));
  }

  @Test
  void broaderConceptsAreInTheSameScheme() {
    assertEquals(List.of(), broaderOutsideTheScheme(graph));
  }

  @Test
  void topConceptsAreStatedBothWaysAndHaveNoBroader() {
    assertEquals(List.of(), inconsistentTopConcepts(graph));
  }

  @Test
  void theTopConceptsOfTheIssuesAreTheFourLayers() {
    assertEquals(List.of(), topConceptsOfIssuesAreNotTheLayers(graph));
    assertEquals(
        4,
        graph.find(ISSUES, SKOS.hasTopConcept.asNode(), Node.ANY).toList().size(),
        "the white paper has four issue layers");
  }

  @Test
  void noTwoConceptsOfASchemeSharePreferredLabel() {
    assertEquals(List.of(), prefLabelSharedInAScheme(graph));
  }

  @Test
  void everyConceptAndSchemeHasOneEnglishDefinition() {
    assertEquals(List.of(), withoutOneEnglishDefinition(graph));
  }

  @Test
  void everyTopicIsReachedFromALayerOfTheScheme() {
    List<String> unreached =
        select(
            graph,
            """
            SELECT ?c WHERE {
              ?c a dgov:Topic .
              FILTER NOT EXISTS {
                ?c skos:broader+ ?layer .
                dgr:digital-governance-issues skos:hasTopConcept ?layer
              }
            }""");
    assertEquals(List.of(), unreached);
  }

  // --- and each check finds the breakage it is meant to find ---

  @Test
  void theChecksFindBrokenData() {
    String t = DGOV.ID;
    assertFinds(
        SkosTest::twoPrefLabelsInOneLanguage,
        triple(t + "cybersecurity", SKOS.prefLabel, NodeFactory.createLiteralLang("Cyber", "en")),
        "cybersecurity");
    assertFinds(
        SkosTest::prefLabelDiffersFromLabel,
        triple(t + "cybersecurity", SKOS.prefLabel, NodeFactory.createLiteralLang("Cyber", "en")),
        "cybersecurity");
    assertFinds(
        SkosTest::prefLabelAlsoAltOrHidden,
        triple(
            t + "cybersecurity",
            SKOS.altLabel,
            NodeFactory.createLiteralLang("Cybersecurity", "en")),
        "cybersecurity");
    assertFinds(
        SkosTest::broaderCycles,
        triple(t + "information-network-layer", SKOS.broader, uri(t + "cybercrime")),
        "information-network-layer");
    assertFinds(
        SkosTest::topConceptsOfIssuesAreNotTheLayers,
        triple(t + "digital-governance-issues", SKOS.hasTopConcept, uri(t + "cybersecurity")),
        "cybersecurity");
    assertFinds(
        SkosTest::inconsistentTopConcepts,
        triple(t + "digital-governance-issues", SKOS.hasTopConcept, uri(t + "cybersecurity")),
        "hasTopConcept without topConceptOf");
    assertFinds(
        SkosTest::broaderOutsideTheScheme,
        triple(t + "cybersecurity", SKOS.broader, uri(t + "cyber-sovereignty")),
        "cyber-sovereignty");
    assertFinds(
        SkosTest::prefLabelSharedInAScheme,
        triple(
            t + "cybercrime", SKOS.prefLabel, NodeFactory.createLiteralLang("Cybersecurity", "en")),
        "cybercrime");
    Graph withoutScheme = copyWithout(SKOS.inScheme.asNode(), t + "cybersecurity");
    assertTrue(notInAScheme(withoutScheme).toString().contains("cybersecurity"));
    Graph withoutPrefLabel = copyWithout(SKOS.prefLabel.asNode(), t + "cybersecurity");
    assertTrue(missingPrefLabel(withoutPrefLabel).toString().contains("cybersecurity"));
    Graph withoutDefinition = copyWithout(SKOS.definition.asNode(), t + "cybersecurity");
    assertTrue(withoutOneEnglishDefinition(withoutDefinition).toString().contains("cybersecurity"));
  }

  private static void assertFinds(
      Function<Graph, List<String>> check, Triple breakage, String expected) {
    Graph broken = copyWithout(null, null);
    broken.add(breakage);
    List<String> found = check.apply(broken);
    assertTrue(
        found.toString().contains(expected),
        "after adding " + breakage + " the check should report " + expected + ", got " + found);
  }

  private static Graph copyWithout(Node predicate, String subject) {
    Graph copy = GraphFactory.createDefaultGraph();
    graph
        .find()
        .forEachRemaining(
            tr -> {
              if (predicate == null
                  || !(tr.getPredicate().equals(predicate)
                      && tr.getSubject().isURI()
                      && tr.getSubject().getURI().equals(subject))) {
                copy.add(tr);
              }
            });
    return copy;
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Triple triple(String subject, org.apache.jena.rdf.model.Property p, Node object) {
    return Triple.create(uri(subject), p.asNode(), object);
  }

  private static List<String> select(Graph g, String query) {
    List<String> rows = new ArrayList<>();
    try (var exec =
        QueryExecutionFactory.create(PREFIXES + query, ModelFactory.createModelForGraph(g))) {
      exec.execSelect()
          .forEachRemaining(
              (QuerySolution s) -> {
                List<String> cells = new ArrayList<>();
                s.varNames()
                    .forEachRemaining(
                        v -> {
                          RDFNode n = s.get(v);
                          cells.add(n == null ? "" : n.toString());
                        });
                rows.add(String.join(" ", cells));
              });
    }
    return rows;
  }
}
