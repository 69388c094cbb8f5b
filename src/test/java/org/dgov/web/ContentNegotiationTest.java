package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.dgov.Http;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The headers real clients send — rdflib, SPARQLWrapper, rapper, Protégé (OWL API), browsers — get
 * the representation they can read, with validators, alternates and a licence.
 */
@ExtendWith(Shared.class)
class ContentNegotiationTest {

  private static final Node RCEP = NodeFactory.createURI(DGOV.ID + "rcep");
  private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";
  private static String base;

  @BeforeAll
  static void start(Shared.Server server) {
    base = server.base();
  }

  /** Accept headers as the clients send them, and the syntax each must get. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rdflib format=xml | application/rdf+xml, */*;q=0.1 | application/rdf+xml",
        "rdflib format=nt | text/plain, */*;q=0.1 | application/n-triples",
        "rdflib format=turtle | text/turtle, application/x-turtle, */*;q=0.1 | text/turtle",
        "rdflib format=n3 | text/n3, */*;q=0.1 | text/turtle",
        "rdflib format=json-ld | application/ld+json, application/json;q=0.9, */*;q=0.1"
            + " | application/ld+json",
        "application/json | application/json | application/ld+json",
        "application/x-turtle | application/x-turtle | text/turtle",
        "text/n3 | text/n3 | text/turtle",
        "rapper | application/rdf+xml, text/rdf;q=0.6, */*;q=0.1 | application/rdf+xml",
        "rapper -i turtle | text/turtle, application/x-turtle, application/turtle, */*;q=0.1"
            + " | text/turtle",
        "Protégé (OWL API) | application/rdf+xml, application/xml; q=0.7, text/xml; q=0.6,"
            + " text/plain; q=0.1, */*; q=0.09 | application/rdf+xml",
        "SPARQLWrapper JSON-LD | application/ld+json, application/x-json+ld | application/ld+json",
        "Chromium | text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,*/*;q=0.8 | text/html",
      })
  void clientsGetWhatTheyCanRead(String client, String accept, String expected) throws Exception {
    for (String path : List.of("/ontology", "/doc/rcep")) {
      HttpResponse<byte[]> response = get(path, accept);
      assertEquals(200, response.statusCode(), client + " " + path);
      assertEquals(expected, contentType(response), client + " " + path);
      assertTrue(response.headers().allValues("Vary").contains("Accept"), path);
      if (!expected.equals("text/html")) {
        Graph graph = parse(response.body(), RDFLanguages.contentTypeToLang(expected));
        Node subject = path.equals("/ontology") ? DGOV.ontology.asNode() : RCEP;
        assertTrue(graph.contains(subject, RDF.type.asNode(), Node.ANY), client + " " + path);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "/ontology.ttl, text/turtle",
    "/ontology.owl, application/rdf+xml",
    "/ontology.nt, application/n-triples",
    "/ontology.jsonld, application/ld+json"
  })
  void ontologyHasAFilePerSyntax(String path, String type) throws Exception {
    HttpResponse<byte[]> response = get(path, "text/html");
    assertEquals(200, response.statusCode(), path);
    assertEquals(type, contentType(response), path);
    Graph ontology = parse(response.body(), RDFLanguages.contentTypeToLang(type));
    assertTrue(ontology.contains(DGOV.ontology.asNode(), RDF.type.asNode(), OWL.Ontology.asNode()));
  }

  @Test
  void everyBlankNodeOfTheDocumentIsDescribed() throws Exception {
    Graph doc = parse(get("/doc/rcep.ttl", "").body(), Lang.TURTLE);
    List<Node> objects = doc.find().mapWith(Triple::getObject).filterKeep(Node::isBlank).toList();
    assertFalse(objects.isEmpty(), "rcep has evidence");
    for (Node blank : objects) {
      assertTrue(doc.contains(blank, Node.ANY, Node.ANY), blank + " is described");
    }
    List<Node> evidence =
        doc.find(Node.ANY, DGOV.attests.asNode(), Node.ANY).mapWith(Triple::getSubject).toList();
    for (Node e : evidence) {
      assertTrue(
          doc.contains(e, DCTerms.source.asNode(), Node.ANY)
              || (doc.contains(e, DGOV.page.asNode(), Node.ANY)
                  && doc.contains(e, DGOV.quote.asNode(), Node.ANY)),
          "evidence " + e + " with its page and quote, or its source");
      assertTrue(doc.contains(Node.ANY, DGOV.evidence.asNode(), e), e + " with what it supports");
    }
    Node evidenceForRcep =
        doc.find(Node.ANY, DGOV.attests.asNode(), RCEP).mapWith(Triple::getSubject).next();
    assertTrue(doc.contains(evidenceForRcep, DCTerms.source.asNode(), Node.ANY));
  }

  @Test
  void documentStatesItsLicenceAndLinksItsAlternates() throws Exception {
    HttpResponse<byte[]> response = get("/doc/rcep", "text/turtle");
    Graph doc = parse(response.body(), Lang.TURTLE);
    assertTrue(
        doc.contains(
            NodeFactory.createURI(base + "/doc/rcep"),
            DCTerms.license.asNode(),
            NodeFactory.createURI(CC_BY)));
    String links = String.join(", ", response.headers().allValues("Link"));
    for (String alternate :
        List.of(
            "</doc/rcep.html>; rel=\"alternate\"; type=\"text/html\"",
            "</doc/rcep.ttl>; rel=\"alternate\"; type=\"text/turtle\"",
            "</doc/rcep.jsonld>; rel=\"alternate\"; type=\"application/ld+json\"",
            "</doc/rcep.nt>; rel=\"alternate\"; type=\"application/n-triples\"",
            "</doc/rcep.rdf>; rel=\"alternate\"; type=\"application/rdf+xml\"",
            "<" + CC_BY + ">; rel=\"license\"")) {
      assertTrue(links.contains(alternate), alternate + " in " + links);
    }
    String page = new String(get("/doc/rcep", "text/html").body(), StandardCharsets.UTF_8);
    assertTrue(
        page.contains("<a rel=\"license\" href=\"" + CC_BY + "\">"),
        "the page itself names its licence");
    String self = String.join(", ", get("/doc/rcep.ttl", "").headers().allValues("Link"));
    assertFalse(self.contains("</doc/rcep.ttl>"), "a file does not name itself: " + self);
    assertTrue(self.contains("</doc/rcep.rdf>"), self);
    String ontologyLinks =
        String.join(", ", get("/ontology", "text/html").headers().allValues("Link"));
    assertTrue(
        ontologyLinks.contains("</ontology.owl>; rel=\"alternate\"; type=\"application/rdf+xml\""));
    assertTrue(ontologyLinks.contains("rel=\"license\""), ontologyLinks);
  }

  @ParameterizedTest
  @CsvSource({"/doc/rcep", "/doc/rcep.ttl", "/ontology", "/ontology.owl"})
  void conditionalGetIsAnswered304(String path) throws Exception {
    HttpResponse<byte[]> first = get(path, "text/turtle");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();
    HttpResponse<byte[]> again =
        Http.sendForBytes(request(path, "text/turtle").header("If-None-Match", etag));
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
    HttpResponse<byte[]> since =
        Http.sendForBytes(request(path, "text/turtle").header("If-Modified-Since", modified));
    assertEquals(304, since.statusCode());
    HttpResponse<byte[]> stale =
        Http.sendForBytes(request(path, "text/turtle").header("If-None-Match", "\"stale\""));
    assertEquals(200, stale.statusCode());
    assertTrue(stale.body().length > 0);
  }

  @Test
  void eachRepresentationHasItsOwnETag() throws Exception {
    String turtle = get("/doc/rcep", "text/turtle").headers().firstValue("ETag").orElseThrow();
    String xml = get("/doc/rcep", "application/rdf+xml").headers().firstValue("ETag").orElseThrow();
    String html = get("/doc/rcep", "text/html").headers().firstValue("ETag").orElseThrow();
    assertNotEquals(turtle, xml);
    assertNotEquals(turtle, html);
    assertEquals(turtle, get("/doc/rcep.ttl", "").headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void aWriteMakesANewVersionOfTheDocument(@TempDir Path dir) throws Exception {
    FusekiServer writable = TestProjects.writableServer(dir);
    try {
      String at = Http.base(writable);
      HttpResponse<byte[]> before = Http.getBytes(at + "/doc/rcep.ttl");
      String etag = before.headers().firstValue("ETag").orElseThrow();
      Instant written = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HttpResponse<String> update =
          Http.post(
              at + "/dgov/update",
              "application/sparql-update",
              "INSERT DATA { <"
                  + RCEP.getURI()
                  + "> <http://www.w3.org/2004/02/skos/core#editorialNote>"
                  + " \"a new version\"@en }",
              "Authorization",
              TestProjects.AUTHORIZATION);
      assertTrue(update.statusCode() < 300, update.body());
      HttpResponse<byte[]> after = Http.getBytes(at + "/doc/rcep.ttl", "If-None-Match", etag);
      assertEquals(200, after.statusCode(), "the client's copy is stale after the write");
      assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
      Instant modified =
          DateTimeFormatter.RFC_1123_DATE_TIME.parse(
              after.headers().firstValue("Last-Modified").orElseThrow(), Instant::from);
      assertFalse(modified.isBefore(written), modified + " is the time of the write");
    } finally {
      writable.stop();
    }
  }

  /** SPARQLWrapper sends its format name as format=, output= and results=, and an Accept. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rdf+xml | application/rdf+xml | application/rdf+xml",
        "n3 | application/turtle, text/turtle, text/rdf+n3, application/n-triples, application/n3,"
            + " text/n3 | text/turtle",
        "turtle | application/turtle, text/turtle | text/turtle",
        "json-ld | application/ld+json, application/x-json+ld | application/ld+json",
      })
  void sparqlWrapperConstructFormats(String format, String accept, String expected)
      throws Exception {
    for (String query :
        List.of(
            "CONSTRUCT { ?s ?p ?o } WHERE { BIND(<" + RCEP.getURI() + "> AS ?s) ?s ?p ?o }",
            "DESCRIBE <" + RCEP.getURI() + ">")) {
      String f = URLEncoder.encode(format, StandardCharsets.UTF_8);
      HttpResponse<byte[]> response =
          Http.sendForBytes(
              request(
                  "/dgov/sparql?query="
                      + URLEncoder.encode(query, StandardCharsets.UTF_8)
                      + "&format="
                      + f
                      + "&output="
                      + f
                      + "&results="
                      + f,
                  accept));
      assertEquals(200, response.statusCode(), format + " " + new String(response.body()));
      assertEquals(expected, contentType(response), format);
      Graph graph = parse(response.body(), RDFLanguages.contentTypeToLang(expected));
      assertTrue(graph.contains(RCEP, RDF.type.asNode(), Node.ANY), format);
    }
  }

  @Test
  void selectFormatNamesStillMeanResultFormats() throws Exception {
    HttpResponse<byte[]> response =
        Http.sendForBytes(
            request(
                "/dgov/sparql?query="
                    + URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8)
                    + "&format=xml&output=xml&results=xml",
                "application/sparql-results+xml"));
    assertEquals(200, response.statusCode());
    assertEquals("application/sparql-results+xml", contentType(response));
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
  }

  private static Graph parse(byte[] body, Lang lang) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base).parse(graph);
    return graph;
  }

  /** A GET of {@code path} asking for {@code accept} (nothing asked if empty). */
  private static HttpRequest.Builder request(String path, String accept) {
    return Http.request("GET", base + path, null, "Accept", accept.isEmpty() ? null : accept);
  }

  private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
    return Http.sendForBytes(request(path, accept));
  }
}
