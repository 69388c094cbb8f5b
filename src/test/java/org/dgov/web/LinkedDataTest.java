package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.dgov.Http;
import org.dgov.Shared;
import org.dgov.graph.CuratedGraph;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every resource can be opened by a browser and fetched by a program; the dataset describes itself.
 */
@ExtendWith(Shared.class)
class LinkedDataTest {

  private static final Node RCEP = NodeFactory.createURI(DGOV.ID + "rcep");
  private static String base;
  private static CuratedGraph curated;

  @BeforeAll
  static void start(Shared.Server server, CuratedGraph shared) {
    base = server.base();
    curated = shared;
  }

  @Test
  void idAnswers303ToTheDocument() throws Exception {
    HttpResponse<String> response = get("/id/rcep", "text/turtle");
    assertEquals(303, response.statusCode());
    assertEquals("/doc/rcep", response.headers().firstValue("Location").orElse(""));
  }

  @Test
  void documentNegotiatesEveryRdfSyntax() throws Exception {
    String[][] offers = {
      {"text/turtle", "TTL"},
      {"application/ld+json", "JSONLD"},
      {"application/n-triples", "NT"},
      {"application/rdf+xml", "RDFXML"}
    };
    for (String[] offer : offers) {
      HttpResponse<String> response = get("/doc/rcep", offer[0]);
      assertEquals(200, response.statusCode(), offer[0]);
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith(offer[0]), offer[0]);
      assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
      Graph graph = parse(response.body(), org.apache.jena.riot.RDFLanguages.nameToLang(offer[1]));
      assertTrue(
          graph.contains(
              RCEP,
              RDFS.label.asNode(),
              NodeFactory.createLiteralLang("Regional Comprehensive Economic Partnership", "en")),
          offer[0]);
      assertTrue(
          graph.contains(RCEP, DGOV.evidence.asNode(), Node.ANY),
          "the description carries the evidence");
      assertTrue(
          graph.contains(Node.ANY, DGOV.quote.asNode(), Node.ANY),
          "the evidence carries its quote");
    }
  }

  @Test
  void jsonLdIsCompactWithThePublishedContext() throws Exception {
    String json = get("/doc/rcep.jsonld", "*/*").body();
    assertTrue(
        json.contains("\"@context\" : \"" + base + "/context.jsonld\""),
        json.substring(0, Math.min(200, json.length())));
    String context = get("/context.jsonld", "application/ld+json").body();
    assertTrue(context.contains("\"dgr\" : \"https://w3id.org/dgov/id/\""), context);
    assertTrue(json.contains("\"dgr:rcep\""), "compacted with the context's prefixes");
  }

  @Test
  void extensionsNeedNoHeaders() throws Exception {
    String[][] cases = {
      {"ttl", "text/turtle"},
      {"jsonld", "application/ld+json"},
      {"nt", "application/n-triples"},
      {"rdf", "application/rdf+xml"},
      {"html", "text/html"}
    };
    for (String[] c : cases) {
      HttpResponse<String> response = get("/doc/rcep." + c[0], "*/*");
      assertEquals(200, response.statusCode(), c[0]);
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(c[1]), c[0]);
    }
  }

  @Test
  void descriptionIncludesIncomingStatements() throws Exception {
    Graph china = parse(get("/doc/china", "text/turtle").body(), Lang.TURTLE);
    assertTrue(
        china.contains(RCEP, DGOV.hasParty.asNode(), NodeFactory.createURI(DGOV.ID + "china")));
  }

  @Test
  void browsersGetAReadablePage() throws Exception {
    HttpResponse<String> response =
        get("/doc/rcep", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertEquals(200, response.statusCode());
    String html = response.body();
    assertTrue(
        html.contains("<span lang=\"en\">Regional Comprehensive Economic Partnership</span>"),
        html);
    assertTrue(html.contains("<span lang=\"zh\">区域全面经济伙伴关系协定</span>"), html);
    assertTrue(html.contains("white paper, page 33"), "evidence with page");
    assertTrue(html.contains("href=\"/doc/china\""), "linked values by label");
    assertTrue(html.contains("/editor?query="), "a query-this link");
    assertTrue(
        response
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'self'"));
  }

  @Test
  void unacceptableTypeIs406() throws Exception {
    assertEquals(406, get("/doc/rcep", "image/png").statusCode());
  }

  @Test
  void unknownSlugIs404WithCloseMatches() throws Exception {
    HttpResponse<String> response = get("/doc/rcpe", "text/html");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("href=\"/doc/rcep\""), response.body());
    assertEquals(404, get("/id/no-such-thing", "text/turtle").statusCode());
  }

  @Test
  void ontologyIsDocumentedAndServedAsRdf() throws Exception {
    String html = get("/ontology", "text/html").body();
    assertTrue(html.contains("id=\"Agreement\""), "terms have anchors");
    assertTrue(html.contains("协定"), "Chinese labels");
    Graph ontology = parse(get("/ontology", "text/turtle").body(), Lang.TURTLE);
    assertTrue(ontology.contains(DGOV.ontology.asNode(), RDF.type.asNode(), OWL.Ontology.asNode()));
    assertTrue(
        get("/ontology", "application/ld+json")
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/ld+json"));
  }

  @Test
  void namedQueriesAsTableOrResults() throws Exception {
    assertTrue(
        get("/queries", "text/html").body().contains("href=\"/queries/list-g20-members-in-rcep\""));
    HttpResponse<String> json =
        get("/queries/list-g20-members-in-rcep", "application/sparql-results+json");
    ResultSetRewindable rows =
        ResultSetMgr.read(
                new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON)
            .rewindable();
    assertEquals(5, rows.size());
    String table = get("/queries/list-g20-members-in-rcep", "text/html").body();
    assertTrue(table.contains("<table>") && table.contains("href=\"/doc/indonesia\""), table);
  }

  @Test
  void homePageShowsCountsMatrixTreeQueriesAndSearch() throws Exception {
    String home = get("/", "text/html").body();
    assertTrue(home.contains("<svg"), "coverage heat map");
    assertTrue(
        home.contains("href=\"/doc/rcep#evidence\""), "cells link to mechanism and evidence");
    assertTrue(
        home.contains("class=\"stated\"") && home.contains("class=\"derived\""),
        "stated and derived cells apart");
    assertTrue(home.contains("href=\"/doc/information-network-layer\""), "layer tree");
    assertTrue(home.contains("action=\"/search\""), "search box");
    assertTrue(home.contains("href=\"/queries/show-coverage-matrix\""), "named queries");
    String results =
        get("/search?q=" + URLEncoder.encode("区域全面", StandardCharsets.UTF_8), "text/html").body();
    assertTrue(results.contains("href=\"/doc/rcep\""), results);
    assertTrue(
        get("/search?q=RCEP", "text/html").body().contains("href=\"/doc/rcep\""),
        "acronyms are searched");
  }

  @Test
  void voidDescribesTheDatasetItsLinksetsDumpsAndEndpoint() throws Exception {
    Graph description = parse(get("/.well-known/void", "text/turtle").body(), Lang.TURTLE);
    Node dataset = NodeFactory.createURI(DGOV.ID + "dgov-kg");
    assertTrue(description.contains(dataset, RDF.type.asNode(), VOID.Dataset.asNode()));
    assertTrue(
        description.contains(
            dataset, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(base + "/dgov/sparql")));
    assertTrue(
        description.contains(
            dataset, VOID.dataDump.asNode(), NodeFactory.createURI(base + "/dumps/dgov.ttl.gz")));
    Node wikidata = NodeFactory.createURI(DGOV.ID + "dgov-kg-wikidata-links");
    long expected =
        curated
            .data()
            .find(Node.ANY, OWL.sameAs.asNode(), Node.ANY)
            .filterKeep(t -> t.getObject().getURI().startsWith("http://www.wikidata.org/entity/"))
            .toList()
            .size();
    assertTrue(expected > 0);
    assertEquals(
        expected,
        description
                    .find(wikidata, VOID.triples.asNode(), Node.ANY)
                    .next()
                    .getObject()
                    .getLiteralValue()
                instanceof Number n
            ? n.longValue()
            : -1);
    assertTrue(
        description.contains(
            Node.ANY, org.apache.jena.vocabulary.DCAT.downloadURL.asNode(), Node.ANY),
        "DCAT distributions");
  }

  @Test
  void aBrowserAtTheEndpointIsSentToTheEditor() throws Exception {
    HttpResponse<String> browser =
        get(
            "/dgov/sparql",
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8");
    assertEquals(303, browser.statusCode());
    assertEquals("/editor", browser.headers().firstValue("Location").orElse(""));
    HttpResponse<String> any = get("/dgov/sparql", "*/*");
    assertEquals(200, any.statusCode());
    assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
  }

  @Test
  void plainGetOfTheEndpointIsItsServiceDescription() throws Exception {
    Graph sd = parse(get("/dgov/sparql", "text/turtle").body(), Lang.TURTLE);
    Node service = NodeFactory.createURI(base + "/dgov/sparql#service");
    assertTrue(
        sd.contains(
            service, RDF.type.asNode(), NodeFactory.createURI(DatasetDescription.SD + "Service")));
    assertTrue(
        sd.contains(
            service,
            NodeFactory.createURI(DatasetDescription.SD + "endpoint"),
            NodeFactory.createURI(base + "/dgov/sparql")));
  }

  @Test
  void dumpsMatchTheirChecksumsAndTheCuratedGraph() throws Exception {
    byte[] gz = Http.getBytes(base + "/dumps/dgov.ttl.gz").body();
    String sums = get("/dumps/SHA256SUMS", "text/plain").body();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz));
    assertTrue(sums.contains(sha + "  dgov.ttl.gz"), sums);
    Graph dump = GraphFactory.createDefaultGraph();
    RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz)))
        .lang(Lang.TURTLE)
        .parse(dump);
    assertTrue(dump.isIsomorphicWith(curated.union()));
    assertTrue(get("/dumps/LICENSE.txt", "text/plain").body().contains("CC BY 4.0"));
  }

  @Test
  void readEndpointsAllowCrossOriginRequests() throws Exception {
    String query = URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        Http.get(base + "/dgov/sparql?query=" + query, "Origin", "https://notebook.example");
    assertFalse(
        response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
        response.headers().toString());
  }

  private static Graph parse(String body, Lang lang) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, lang).parse(graph);
    return graph;
  }

  private static HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    return Http.get(base + path, "Accept", accept);
  }
}
