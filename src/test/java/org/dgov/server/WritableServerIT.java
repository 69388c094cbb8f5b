package org.dgov.server;

import static org.dgov.HttpStatus.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.dgov.Http;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes: authenticated, validated inside the transaction, rolled back with a report or a reason
 * when they break conformance or an invariant (other graphs, the ontology, entries deleted without
 * saying so, mass deletions), kept in the history with who, when and why, revertible, and followed
 * by the dumps.
 */
class WritableServerIT {

  private static final String PREFIXES =
      "PREFIX dgov: <https://w3id.org/dgov/ontology#> PREFIX dgr: <https://w3id.org/dgov/id/> "
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

  @TempDir static Path dir;
  private static FusekiServer server;
  private static String base;
  private static String alice;

  @BeforeAll
  static void start() throws Exception {
    server = TestProjects.writableServer(dir);
    base = Http.base(server);
    alice = TestProjects.AUTHORIZATION;
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void anonymousAndWrongCredentialsGet401AndChangeNothing() throws Exception {
    String update = PREFIXES + "INSERT DATA { dgr:rcep skos:editorialNote \"anonymous\"@en }";
    assertEquals(401, update(update, null).statusCode());
    String wrong =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:guess".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, update(update, wrong).statusCode());
    assertEquals(
        401,
        Http.send(
                "PUT",
                base + "/dgov/data?default",
                "<a:b> <a:c> <a:d> .",
                "Content-Type",
                "text/turtle")
            .statusCode());
    assertFalse(ask("dgr:rcep skos:editorialNote \"anonymous\"@en"));
  }

  @Test
  void aConformingWriteIsCommitted() throws Exception {
    HttpResponse<String> response =
        update(PREFIXES + "INSERT DATA { dgr:rcep skos:editorialNote \"accepted\"@en }", alice);
    assertSucceeded(response);
    assertTrue(ask("dgr:rcep skos:editorialNote \"accepted\"@en"));
    assertTrue(ask("dgr:singapore a dgov:Actor"), "the RDFS closure is still served");
  }

  @Test
  void aNonConformingWriteIsRolledBackAndAnswered422WithTheReport() throws Exception {
    HttpResponse<String> response =
        update(
            PREFIXES
                + "INSERT DATA { dgr:rcep skos:editorialNote \"half\"@en . dgr:rcep dgov:hasParty dgr:connectivity }",
            alice);
    assertEquals(422, response.statusCode());
    assertTrue(response.body().contains("dgov:hasParty must point at an actor"), response.body());
    assertFalse(ask("dgr:rcep dgov:hasParty dgr:connectivity"));
    assertFalse(
        ask("dgr:rcep skos:editorialNote \"half\"@en"), "the whole transaction is rolled back");
    HttpResponse<String> gsp =
        Http.post(
            base + "/dgov/data?default",
            "text/turtle",
            "<https://w3id.org/dgov/id/x-forum> a <https://w3id.org/dgov/ontology#Forum> .",
            "Authorization",
            alice);
    assertEquals(422, gsp.statusCode());
    assertTrue(gsp.body().contains("needs exactly one English label"), gsp.body());
  }

  @Test
  void aLinkToAnotherDatasetThatIsNotAnHttpIriIsRefusedWithTheReport() throws Exception {
    String[][] writes = {
      {"dgr:rcep owl:sameAs \"not an IRI\"", "owl:sameAs links to the same thing"},
      {"dgr:rcep owl:sameAs <javascript:alert(1)>", "owl:sameAs links to the same thing"},
      {"dgr:rcep rdfs:seeAlso \"the ministry's page\"", "rdfs:seeAlso links to a page"},
      {"dgr:rcep skos:closeMatch <mailto:curator@example.org>", "skos:closeMatch links to a close"},
      {"dgr:rcep skos:exactMatch <ftp://example.org/rcep>", "skos:exactMatch links to the same"},
      {
        "dgr:rcep dgov:evidence [ dgov:page 19 ; dcterms:source \"the ministry\" ]",
        "an evidence's dcterms:source names the official page"
      }
    };
    for (String[] write : writes) {
      HttpResponse<String> response =
          update(
              PREFIXES
                  + "PREFIX owl: <http://www.w3.org/2002/07/owl#> "
                  + "PREFIX dcterms: <http://purl.org/dc/terms/> INSERT DATA { "
                  + write[0]
                  + " }",
              alice);
      assertEquals(422, response.statusCode(), write[0] + ": " + response.body());
      assertTrue(response.body().contains(write[1]), write[0] + ": " + response.body());
      assertTrue(response.body().contains("https://w3id.org/dgov/id/rcep"), response.body());
    }
    assertFalse(ask("dgr:rcep <http://www.w3.org/2002/07/owl#sameAs> \"not an IRI\""));
    assertEquals(200, Http.get(base + "/doc/rcep").statusCode());
  }

  @Test
  void namedQueryResultsFollowCommittedWrites() throws Exception {
    String before = Http.get(base + "/queries/count-resources-by-class").body();
    assertTrue(before.contains("<table>"), before);
    String entry = Files.readString(Path.of("src/test/resources/shapes/agreement-valid.ttl"));
    HttpResponse<String> write =
        Http.post(base + "/dgov/data?default", "text/turtle", entry, "Authorization", alice);
    assertSucceeded(write);
    String after = Http.get(base + "/queries/count-resources-by-class").body();
    assertFalse(before.equals(after), "the cached results did not follow the write");
    assertTrue(
        ask(
            "GRAPH <https://w3id.org/dgov/graph/entailed> { dgr:test-agreement a dgov:Instrument }"),
        "the entailment follows the write");
  }

  @Test
  void writesOutsideTheDefaultGraphAreRefusedNotDropped() throws Exception {
    String entailed = "https://w3id.org/dgov/graph/entailed";
    long entailedBefore = count("GRAPH <" + entailed + "> { ?s ?p ?o }");
    for (HttpResponse<String> refused :
        List.of(
            update(
                PREFIXES
                    + "INSERT DATA { GRAPH <urn:x:g> { dgr:rcep skos:editorialNote \"g\"@en } }",
                alice),
            update(
                PREFIXES
                    + "INSERT { GRAPH <urn:x:g> { ?s skos:editorialNote \"into\"@en } }"
                    + " WHERE { BIND(dgr:rcep AS ?s) }",
                alice),
            Http.send(
                "PUT",
                base + "/dgov/data?graph=urn:x:g",
                "<a:b> <a:c> <a:d> .",
                "Content-Type",
                "text/turtle",
                "Authorization",
                alice),
            Http.post(
                base + "/dgov/data?graph=" + entailed,
                "text/turtle",
                "<https://w3id.org/dgov/id/rcep> a <https://w3id.org/dgov/ontology#Actor> .",
                "Authorization",
                alice),
            Http.send(
                "DELETE", base + "/dgov/data?graph=" + entailed, null, "Authorization", alice))) {
      assertEquals(422, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("only the default graph is writable"), refused.body());
    }
    assertFalse(ask("GRAPH <urn:x:g> { ?s ?p ?o }"));
    assertEquals(entailedBefore, count("GRAPH <" + entailed + "> { ?s ?p ?o }"));
    assertFalse(ask("GRAPH <" + entailed + "> { dgr:rcep a dgov:Actor }"));
  }

  @Test
  void massDeletionsAreRefused() throws Exception {
    long before = count("?s ?p ?o");
    for (HttpResponse<String> refused :
        List.of(
            Http.send("DELETE", base + "/dgov/data?default", null, "Authorization", alice),
            Http.send(
                "PUT",
                base + "/dgov/data?default",
                "<a:b> <a:c> <a:d> .",
                "Content-Type",
                "text/turtle",
                "Authorization",
                alice),
            update("DROP ALL", alice),
            update("CLEAR DEFAULT", alice),
            update("DELETE WHERE { ?s ?p ?o }", alice))) {
      assertEquals(422, refused.statusCode(), refused.body());
    }
    assertEquals(before, count("?s ?p ?o"));
    assertTrue(ask("dgr:rcep a dgov:Agreement"));
  }

  @Test
  void theOntologyIsNotEditableThroughTheDataEndpoints() throws Exception {
    for (String update :
        List.of(
            "INSERT DATA { dgov:Actor skos:editorialNote \"mine\"@en }",
            "DELETE WHERE { dgov:Actor skos:definition ?d }",
            "INSERT DATA { dgov:NewTerm a <http://www.w3.org/2002/07/owl#Class> }")) {
      HttpResponse<String> refused = update(PREFIXES + update, alice);
      assertEquals(422, refused.statusCode(), update + ": " + refused.body());
      assertTrue(refused.body().contains("ontology's terms are not editable"), refused.body());
    }
    assertTrue(ask("dgov:Actor skos:definition ?d"));
    assertFalse(ask("dgov:Actor skos:editorialNote ?n"));
  }

  @Test
  void deletingAnEntryIsDeliberateAndRecorded() throws Exception {
    String entry = Files.readString(Path.of("src/test/resources/shapes/event-valid.ttl"));
    HttpResponse<String> created =
        Http.post(base + "/dgov/data?default", "text/turtle", entry, "Authorization", alice);
    assertSucceeded(created);
    String delete =
        PREFIXES
            + "DELETE { ?e ?q ?v } WHERE { dgr:test-event dgov:evidence ?e . ?e ?q ?v } ;"
            + " DELETE WHERE { dgr:test-event ?p ?o }";
    HttpResponse<String> unnamed = update(delete, alice);
    assertEquals(422, unnamed.statusCode(), unnamed.body());
    assertTrue(
        unnamed.body().contains("removes the entry <https://w3id.org/dgov/id/test-event>"),
        unnamed.body());
    assertTrue(ask("dgr:test-event a dgov:Event"), "the refused deletion is rolled back");
    HttpResponse<String> notAnIri = update(delete, alice, "Dgov-Delete-Entry", "test-event");
    assertEquals(400, notAnIri.statusCode(), notAnIri.body());
    assertTrue(notAnIri.body().contains("'test-event' is not the IRI of an entry"));
    HttpResponse<String> wrongName =
        update(
            delete,
            alice,
            "Dgov-Delete-Entry",
            "https://w3id.org/dgov/id/test-event https://w3id.org/dgov/id/rcep");
    assertEquals(422, wrongName.statusCode(), wrongName.body());
    assertTrue(wrongName.body().contains("names <https://w3id.org/dgov/id/rcep>"));
    HttpResponse<String> named =
        update(
            delete,
            alice,
            "Dgov-Delete-Entry",
            "<https://w3id.org/dgov/id/test-event>",
            "Dgov-Message",
            "test event withdrawn");
    assertSucceeded(named);
    assertFalse(ask("dgr:test-event ?p ?o"));
    JsonObject change = change("test event withdrawn");
    assertEquals(
        "https://w3id.org/dgov/id/test-event",
        change.get("deleted").getAsArray().get(0).getAsString().value());
  }

  @Test
  void everyWriteIsKeptWithWhoWhenAndWhyAndCanBeReverted() throws Exception {
    HttpResponse<String> write =
        update(
            PREFIXES + "INSERT DATA { dgr:rcep skos:editorialNote \"kept in history\"@en }",
            alice,
            "Dgov-Message",
            "a note for the history");
    assertSucceeded(write);
    JsonObject change = change("a note for the history");
    long version = change.get("version").getAsNumber().value().longValue();
    assertEquals("alice", change.get("user").getAsString().value());
    assertTrue(change.get("time").getAsString().value().startsWith("20"), change.toString());
    HttpResponse<String> patch = Http.get(base + "/dgov/changes/" + version);
    assertEquals(200, patch.statusCode());
    assertTrue(
        patch.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf-patch"));
    assertTrue(
        patch
            .body()
            .contains(
                "A <https://w3id.org/dgov/id/rcep> <http://www.w3.org/2004/02/skos/core#editorialNote> \"kept in history\"@en ."),
        patch.body());
    HttpResponse<String> turtle =
        Http.get(base + "/dgov/changes?since=" + (version - 1), "Accept", "text/turtle");
    assertTrue(turtle.body().contains("prov:Activity"), turtle.body());
    assertTrue(turtle.body().contains("a note for the history"), turtle.body());
    String page = Http.get(base + "/doc/rcep").body();
    assertTrue(page.contains("id=\"history\""), page);
    assertTrue(page.contains("a note for the history"), page);
    assertEquals(
        401, Http.send("POST", base + "/dgov/changes/" + version + "/revert", null).statusCode());
    HttpResponse<String> revert =
        Http.send(
            "POST", base + "/dgov/changes/" + version + "/revert", null, "Authorization", alice);
    assertEquals(200, revert.statusCode(), revert.body());
    assertFalse(ask("dgr:rcep skos:editorialNote \"kept in history\"@en"));
    JsonObject reverted = change("revert of version " + version);
    assertEquals(version, reverted.get("reverts").getAsNumber().value().longValue());
    HttpResponse<String> again =
        Http.send(
            "POST", base + "/dgov/changes/" + version + "/revert", null, "Authorization", alice);
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(404, Http.get(base + "/dgov/changes/999999").statusCode());
  }

  @Test
  void aRevertIsValidatedLikeAnyWrite() throws Exception {
    String rename =
        PREFIXES
            + "DELETE { dgr:apec rdfs:label ?l } INSERT { dgr:apec rdfs:label \"%s\"@en }"
            + " WHERE { dgr:apec rdfs:label ?l FILTER(lang(?l) = \"en\") }";
    HttpResponse<String> first =
        update(rename.formatted("APEC renamed"), alice, "Dgov-Message", "apec renamed");
    assertSucceeded(first);
    long version = change("apec renamed").get("version").getAsNumber().value().longValue();
    HttpResponse<String> renamedAgain =
        update(rename.formatted("APEC renamed again"), alice, "Dgov-Message", "apec again");
    assertSucceeded(renamedAgain);
    // the inverse of the first rename puts the old label back beside the second one
    HttpResponse<String> revert =
        Http.send(
            "POST", base + "/dgov/changes/" + version + "/revert", null, "Authorization", alice);
    assertEquals(422, revert.statusCode(), revert.body());
    assertTrue(revert.body().contains("exactly one English label"), revert.body());
    assertTrue(ask("dgr:apec rdfs:label \"APEC renamed again\"@en"));
    assertEquals(1, count("dgr:apec rdfs:label ?l FILTER(lang(?l) = \"en\")"));
  }

  @Test
  void dumpsFollowWrites() throws Exception {
    assertFalse(dump().contains("in the next dump"));
    HttpResponse<String> write =
        update(
            PREFIXES + "INSERT DATA { dgr:rcep skos:editorialNote \"in the next dump\"@en }",
            alice);
    assertSucceeded(write);
    assertTrue(dump().contains("in the next dump"), "the dump did not follow the write");
  }

  @Test
  void loadIsRefused() throws Exception {
    Path secret = dir.resolve("secret.ttl");
    Files.writeString(
        secret,
        "<https://w3id.org/dgov/id/secret> <http://www.w3.org/2000/01/rdf-schema#comment> \"leaked\" .");
    HttpResponse<String> response = update("LOAD <" + secret.toUri() + ">", alice);
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("LOAD is not allowed"), response.body());
    assertFalse(ask("<https://w3id.org/dgov/id/secret> ?p ?o"));
  }

  @Test
  void anUpdateThatNamesItsDatasetTwiceIsAClientError() throws Exception {
    String update =
        PREFIXES
            + "WITH <https://w3id.org/dgov/graph/other> INSERT { dgr:rcep skos:editorialNote"
            + " \"twice\"@en } WHERE {}";
    HttpResponse<String> response =
        Http.post(
            base
                + "/dgov/update?using-graph-uri="
                + URLEncoder.encode(base, StandardCharsets.UTF_8),
            "application/sparql-update",
            update,
            "Authorization",
            alice);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("using-graph-uri"), response.body());
    assertFalse(ask("dgr:rcep skos:editorialNote \"twice\"@en"));
  }

  @Test
  void readsNeedNoCredentials() throws Exception {
    assertTrue(ask("dgr:rcep a dgov:Agreement"));
    assertEquals(200, Http.get(base + "/dgov/data?default").statusCode());
  }

  private static String dump() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = Http.getBytes(base + "/dumps/dgov.nt.gz");
    assertEquals(200, response.statusCode());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The latest change in the feed whose message is {@code message}. */
  private static JsonObject change(String message) throws IOException, InterruptedException {
    HttpResponse<String> feed = Http.get(base + "/dgov/changes?limit=1000");
    assertEquals(200, feed.statusCode(), feed.body());
    JsonObject found = null;
    for (JsonValue v : JSON.parse(feed.body()).get("changes").getAsArray()) {
      if (v.getAsObject().get("message").getAsString().value().equals(message)) {
        found = v.getAsObject();
      }
    }
    assertTrue(found != null, "no change with the message '" + message + "' in " + feed.body());
    return found;
  }

  private static long count(String pattern) throws IOException, InterruptedException {
    String query =
        URLEncoder.encode(
            PREFIXES + "SELECT (COUNT(*) AS ?n) { " + pattern + " }", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        Http.get(base + "/dgov/sparql?query=" + query, "Accept", "text/csv");
    assertEquals(200, response.statusCode(), response.body());
    return Long.parseLong(response.body().split("\\R")[1].trim());
  }

  private static boolean ask(String pattern) throws IOException, InterruptedException {
    String query = URLEncoder.encode(PREFIXES + "ASK { " + pattern + " }", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        Http.get(base + "/dgov/sparql?query=" + query, "Accept", "application/sparql-results+json");
    assertEquals(200, response.statusCode(), "the ASK itself failed: " + response.body());
    return ResultSetMgr.readBoolean(
        new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
        ResultSetLang.RS_JSON);
  }

  /** POSTs {@code update} as {@code authorization} (anonymous if null) with {@code headers}. */
  private static HttpResponse<String> update(String update, String authorization, String... headers)
      throws IOException, InterruptedException {
    String[] all =
        Stream.concat(Stream.of("Authorization", authorization), Arrays.stream(headers))
            .toArray(String[]::new);
    return Http.post(base + "/dgov/update", "application/sparql-update", update, all);
  }
}
