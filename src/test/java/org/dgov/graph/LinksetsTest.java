package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.dgov.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The VoID linksets of data/dataset.ttl describe the links the graph has: each gives its link
 * predicate, its targets and a void:triples that equals the number of links counted by SPARQL, and
 * every link to Wikidata, DBpedia or EUR-Lex belongs to a linkset.
 */
@ExtendWith(Shared.class)
class LinksetsTest {

  private static final String PREFIXES =
      """
      PREFIX void: <http://rdfs.org/ns/void#>
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      PREFIX dgr: <https://w3id.org/dgov/id/>
      """;

  /** A web address, a commit or a repository file: what a note must name for a link's source. */
  private static final Pattern NAMED =
      Pattern.compile("https?://|commit [0-9a-f]{7,}|file [\\w./-]+\\.[a-z]{2,5}\\b");

  private static Model model;

  @BeforeAll
  static void load(CuratedGraph curated) {
    model = ModelFactory.createModelForGraph(curated.union());
  }

  private static List<QuerySolution> select(String query) {
    try (QueryExecution exec = QueryExecution.create(PREFIXES + query, model)) {
      List<QuerySolution> rows = new ArrayList<>();
      exec.execSelect().forEachRemaining(rows::add);
      return rows;
    }
  }

  /** The sentence of {@code notes} that begins with {@code claim}, or "" when none does. */
  private static String sentence(String notes, String claim) {
    int start = notes.indexOf(claim);
    if (start < 0) {
      return "";
    }
    int end = notes.indexOf(". ", start);
    return notes.substring(start, end < 0 ? notes.length() : end);
  }

  private static List<QuerySolution> linksets() {
    return select(
        """
        SELECT ?linkset ?predicate ?subjects ?objects ?declared WHERE {
          dgr:dgov-kg void:subset ?linkset .
          ?linkset a void:Linkset ;
            void:linkPredicate ?predicate ;
            void:subjectsTarget dgr:dgov-kg ;
            void:objectsTarget ?target ;
            void:triples ?declared .
          dgr:dgov-kg void:uriSpace ?subjects .
          ?target void:uriSpace ?objects .
        } ORDER BY ?linkset
        """);
  }

  @Test
  void everySubsetIsALinksetWithOnePredicateTargetAndCount() {
    List<QuerySolution> malformed =
        select(
            """
            SELECT ?linkset WHERE {
              dgr:dgov-kg void:subset ?linkset .
              { SELECT ?linkset (COUNT(DISTINCT ?p) AS ?ps) (COUNT(DISTINCT ?t) AS ?ts)
                       (COUNT(DISTINCT ?n) AS ?ns) (COUNT(DISTINCT ?u) AS ?us) WHERE {
                  dgr:dgov-kg void:subset ?linkset .
                  OPTIONAL { ?linkset void:linkPredicate ?p }
                  OPTIONAL { ?linkset void:objectsTarget ?t OPTIONAL { ?t void:uriSpace ?u } }
                  OPTIONAL { ?linkset void:triples ?n }
                } GROUP BY ?linkset }
              FILTER (?ps != 1 || ?ts != 1 || ?ns != 1 || ?us != 1
                      || NOT EXISTS { ?linkset a void:Linkset ; void:subjectsTarget dgr:dgov-kg })
            }
            """);
    assertEquals(
        List.of(),
        malformed.stream().map(r -> r.get("linkset").toString()).toList(),
        "linksets without exactly one void:linkPredicate, void:objectsTarget (with a void:uriSpace)"
            + " and void:triples, or without void:subjectsTarget dgr:dgov-kg");
    assertTrue(linksets().size() >= 3, "expected the Wikidata, DBpedia and ELI linksets");
  }

  @Test
  void declaredTriplesEqualTheLinksCountedBySparql() {
    List<String> wrong = new ArrayList<>();
    for (QuerySolution ls : linksets()) {
      String count =
          """
          SELECT (COUNT(*) AS ?n) WHERE {
            ?s <%s> ?o .
            FILTER (isIRI(?s) && STRSTARTS(STR(?s), "%s") && isIRI(?o) && STRSTARTS(STR(?o), "%s"))
          }
          """
              .formatted(
                  ls.getResource("predicate").getURI(),
                  ls.getLiteral("subjects").getLexicalForm(),
                  ls.getLiteral("objects").getLexicalForm());
      long counted = select(count).get(0).getLiteral("n").getLong();
      long declared = ls.getLiteral("declared").getLong();
      assertTrue(counted > 0, ls.get("linkset") + " counts no links at all");
      if (counted != declared) {
        wrong.add(
            ls.get("linkset")
                + " declares void:triples "
                + declared
                + " but the data has "
                + counted
                + " links: set void:triples "
                + counted
                + " in data/dataset.ttl");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyLinkToAnotherDatasetBelongsToALinkset() {
    List<QuerySolution> orphans =
        select(
            """
            SELECT ?s ?p ?o WHERE {
              VALUES ?space { "http://www.wikidata.org/" "http://dbpedia.org/" "http://data.europa.eu/eli/" }
              ?s ?p ?o .
              FILTER (isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/dgov/id/")
                      && isIRI(?o) && STRSTARTS(STR(?o), ?space))
              FILTER (?p != void:objectsTarget)
              FILTER NOT EXISTS {
                dgr:dgov-kg void:subset ?linkset .
                ?linkset void:linkPredicate ?p ; void:objectsTarget ?target .
                ?target void:uriSpace ?objects .
                FILTER (STRSTARTS(STR(?o), ?objects))
              }
            }
            """);
    assertEquals(
        List.of(),
        orphans.stream().map(r -> r.get("s") + " " + r.get("p") + " " + r.get("o")).toList(),
        "links to Wikidata, DBpedia or EUR-Lex that no linkset of data/dataset.ttl describes");
  }

  /**
   * A DBpedia link ships only with the source that confirmed the English Wikipedia article title:
   * the note says "owl:sameAs dbr:TITLE:" for that very title, and the sentence goes on to name a
   * web address or a repository's file (and commit), as for Wikidata links.
   */
  @Test
  void everyDbpediaLinkNamesTheSourceThatConfirmedIt() {
    List<String> unnamed = new ArrayList<>();
    for (QuerySolution row :
        select(
            """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?resource ?article (GROUP_CONCAT(?note; separator=" ") AS ?notes) WHERE {
              ?resource owl:sameAs ?article .
              FILTER STRSTARTS(STR(?article), "http://dbpedia.org/resource/")
              OPTIONAL { ?resource skos:editorialNote ?note }
            } GROUP BY ?resource ?article ORDER BY ?resource
            """)) {
      String title =
          row.getResource("article").getURI().substring("http://dbpedia.org/resource/".length());
      String notes = row.getLiteral("notes").getString();
      if (!NAMED.matcher(sentence(notes, "owl:sameAs dbr:" + title + ":")).find()) {
        unnamed.add(row.getResource("resource").getLocalName() + " dbr:" + title);
      }
    }
    assertEquals(List.of(), unnamed, "DBpedia links whose note names no source for the title");
  }

  /**
   * A Wikidata QID ships only with the source that confirmed it, named so that a reader can find it
   * again: the note says "wd:QID verified against" that very QID, and the sentence goes on to name
   * a web address or a repository's file (and commit). A search-index file id alone names nothing;
   * such candidates stay in the note, without the link.
   */
  @Test
  void everyWikidataLinkNamesTheSourceThatConfirmedIt() {
    List<String> unnamed = new ArrayList<>();
    for (QuerySolution row :
        select(
            """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?resource ?item (GROUP_CONCAT(?note; separator=" ") AS ?notes) WHERE {
              ?resource owl:sameAs ?item .
              FILTER STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q")
              OPTIONAL { ?resource skos:editorialNote ?note }
            } GROUP BY ?resource ?item ORDER BY ?resource
            """)) {
      String qid = row.getResource("item").getLocalName();
      String notes = row.getLiteral("notes").getString();
      if (!NAMED.matcher(sentence(notes, "wd:" + qid + " verified against")).find()) {
        unnamed.add(row.getResource("resource").getLocalName() + " " + qid);
      }
    }
    assertEquals(List.of(), unnamed, "Wikidata links whose note names no source");
  }
}
