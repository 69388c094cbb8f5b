package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.dgov.Http;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full-text search: {@code text:query} at {@code /dgov/sparql} finds Chinese words inside evidence
 * quotes and stemmed English words, {@code /search} ranks with it (an exact label first, the quote
 * and its page shown), and on the writable server the index follows each write.
 */
@ExtendWith(Shared.class)
class FullTextSearchTest {

  private static final String PREFIXES =
      "PREFIX text: <http://jena.apache.org/text#> PREFIX dgov: <https://w3id.org/dgov/ontology#> "
          + "PREFIX dgr: <https://w3id.org/dgov/id/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
  private static final Pattern HIT = Pattern.compile("<li><a href=\"/doc/([^\"]+)\"");

  private static String base;

  @BeforeAll
  static void start(Shared.Server server) {
    base = server.base();
  }

  @Test
  void chineseWordsInsideAQuoteFindTheResourceThatCitesIt() {
    // 宽带普遍接入 is no label: only APEC's evidence (page 33) and one other quote hold it
    List<String> found =
        select(
            base,
            "SELECT ?s ?page WHERE { (?e ?score) text:query (dgov:quote \"宽带普遍接入\" \"lang:zh\") ."
                + " ?s dgov:evidence ?e . ?e dgov:page ?page }",
            "s");
    assertTrue(found.contains("https://w3id.org/dgov/id/apec"), found.toString());
  }

  @Test
  void englishWordsAreStemmed() {
    List<String> found =
        select(
            base,
            "SELECT ?s WHERE { ?s text:query (rdfs:label \"economic cooperating\" \"lang:en\") }",
            "s");
    assertTrue(found.contains("https://w3id.org/dgov/id/apec"), found.toString());
  }

  @Test
  void searchPageShowsTheQuoteAndItsPage() throws Exception {
    String page = search(base, "宽带普遍接入");
    assertTrue(hits(page).contains("apec"), page);
    assertTrue(page.contains("实现宽带普遍接入"), "the matching quote is shown");
    assertTrue(page.contains("(p. 33)"), "with its page");
  }

  @Test
  void anExactLabelComesFirst() throws Exception {
    // the forum's label is also part of the label of the event that founded it, and of many quotes
    List<String> hits = hits(search(base, "全球跨境隐私规则论坛"));
    assertEquals("global-cbpr-forum", hits.get(0), hits.toString());
    assertTrue(hits.size() > 1, hits.toString());
    assertEquals("apec", hits(search(base, "apec")).get(0), "an acronym, in any case");
  }

  @Test
  void aSearchTooLongIsRefused() throws Exception {
    assertEquals(400, get(base, "/search?q=" + "数".repeat(201)).statusCode());
  }

  @Test
  void theWritableServersIndexFollowsWrites(@TempDir Path dir) throws Exception {
    FusekiServer server = TestProjects.writableServer(dir);
    try {
      String writable = Http.base(server);
      String query =
          "SELECT ?s WHERE { ?s text:query (skos:scopeNote \"zanzibarian\" \"lang:en\") }";
      assertEquals(List.of(), select(writable, query, "s"));
      assertTrue(
          select(
                  writable,
                  "SELECT ?s WHERE { ?s text:query (rdfs:label \"亚太经合组织\" \"lang:zh\") }",
                  "s")
              .contains("https://w3id.org/dgov/id/apec"),
          "the store's statements are indexed at start");
      String note = "dgr:rcep skos:scopeNote \"Zanzibarian tariffs are out of scope.\"@en";
      assertEquals(2, update(writable, "INSERT DATA { " + note + " }") / 100);
      assertEquals(List.of("https://w3id.org/dgov/id/rcep"), select(writable, query, "s"));
      assertEquals(
          422,
          update(
              writable,
              "INSERT DATA { dgr:rcep skos:scopeNote \"Quokkaland is covered.\"@en ."
                  + " dgr:rcep dgov:hasParty dgr:connectivity }"),
          "a write that does not conform");
      assertEquals(
          List.of(),
          select(
              writable,
              "SELECT ?s WHERE { ?s text:query (skos:scopeNote \"quokkaland\" \"lang:en\") }",
              "s"),
          "is not indexed");
      assertEquals(2, update(writable, "DELETE DATA { " + note + " }") / 100);
      assertEquals(List.of(), select(writable, query, "s"), "a deletion leaves the index");
    } finally {
      server.stop();
    }
  }

  private static List<String> select(String base, String query, String var) {
    List<String> found = new ArrayList<>();
    try (QueryExecHTTP exec =
        QueryExecHTTP.service(base + UrlLayout.SERVICE + "/sparql")
            .query(PREFIXES + query)
            .build()) {
      exec.select().forEachRemaining(row -> found.add(row.get(var).getURI()));
    }
    return found;
  }

  private static int update(String base, String update) throws Exception {
    return Http.post(
            base + UrlLayout.SERVICE + "/update",
            "application/sparql-update",
            PREFIXES + update,
            "Authorization",
            TestProjects.AUTHORIZATION)
        .statusCode();
  }

  private static String search(String base, String q) throws Exception {
    HttpResponse<String> response =
        get(base, "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static HttpResponse<String> get(String base, String path) throws Exception {
    return Http.get(base + path);
  }

  /** The slugs of the resources found, in the order shown. */
  private static List<String> hits(String page) {
    List<String> slugs = new ArrayList<>();
    Matcher m = HIT.matcher(page);
    while (m.find()) {
      slugs.add(m.group(1));
    }
    assertFalse(page.isEmpty());
    return slugs;
  }
}
