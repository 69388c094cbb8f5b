package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Http;
import org.dgov.TestProjects;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SERVICE reaches the allow-listed endpoints — here a second local Fuseki standing in for Wikidata
 * — and nothing else: a local canary socket must accept no connection at all, and every refusal
 * names the allow-list, which is checked before the HTTP client is asked to connect. Two more
 * allowed endpoints misbehave: one accepts connections and never answers, one answers with a
 * redirect.
 */
class FederationIT {

  private static final String WIKIDATA = "https://query.wikidata.org/sparql";

  /** An allowed endpoint where nothing listens (port 1 on loopback needs root to open). */
  private static final String CLOSED = "http://127.0.0.1:1/sparql";

  @TempDir static Path dir;
  private static FusekiServer wikidata;
  private static ServerSocket canary;
  private static final AtomicInteger canaryConnections = new AtomicInteger();
  private static FusekiServer server;
  private static String base;
  private static String standIn;
  private static String canaryUrl;
  private static ServerSocket stalled;
  private static final List<Socket> stalledConnections = new CopyOnWriteArrayList<>();
  private static String stalledUrl;
  private static HttpServer redirecting;
  private static String redirectingUrl;

  @BeforeAll
  static void start() throws Exception {
    DatasetGraph data = DatasetGraphFactory.createTxnMem();
    data.getDefaultGraph()
        .add(
            Triple.create(
                NodeFactory.createURI("http://www.wikidata.org/entity/Q148"),
                RDFS.label.asNode(),
                NodeFactory.createLiteralLang("Chine", "fr")));
    data.getDefaultGraph()
        .add(
            Triple.create(
                NodeFactory.createURI("http://www.wikidata.org/entity/Q148"),
                NodeFactory.createURI("http://www.wikidata.org/prop/direct/P1082"),
                NodeFactory.createLiteralDT("1411750000", XSDDatatype.XSDinteger)));
    for (String[] code : new String[][] {{"P297", "CN"}, {"P299", "156"}}) {
      data.getDefaultGraph()
          .add(
              Triple.create(
                  NodeFactory.createURI("http://www.wikidata.org/entity/Q148"),
                  NodeFactory.createURI("http://www.wikidata.org/prop/direct/" + code[0]),
                  NodeFactory.createLiteralString(code[1])));
    }
    // GDPR's item with a label and an inception in the stand-in; the UN Charter's item has none,
    // so the instruments' query must not list it.
    Node gdpr = NodeFactory.createURI("http://www.wikidata.org/entity/Q1172506");
    data.getDefaultGraph()
        .add(
            Triple.create(
                gdpr,
                RDFS.label.asNode(),
                NodeFactory.createLiteralLang("General Data Protection Regulation", "en")));
    data.getDefaultGraph()
        .add(
            Triple.create(
                gdpr,
                NodeFactory.createURI("http://www.wikidata.org/prop/direct/P571"),
                NodeFactory.createLiteralDT("2016-04-27T00:00:00Z", XSDDatatype.XSDdateTime)));
    wikidata = FusekiServer.create().port(0).loopback(true).add("/wd", data).build().start();
    standIn = Http.base(wikidata) + "/wd/sparql";
    canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread listener =
        new Thread(
            () -> {
              while (!canary.isClosed()) {
                try (Socket connection = canary.accept()) {
                  canaryConnections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    listener.setDaemon(true);
    listener.start();
    try (Socket probe = new Socket(canary.getInetAddress(), canary.getLocalPort())) {
      while (canaryConnections.get() == 0) {
        Thread.sleep(10);
      }
    }
    assertEquals(1, canaryConnections.getAndSet(0), "the canary counts connections");
    canaryUrl = "http://127.0.0.1:" + canary.getLocalPort() + "/sparql";
    stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread holder =
        new Thread(
            () -> {
              while (!stalled.isClosed()) {
                try {
                  stalledConnections.add(stalled.accept()); // held open, never answered
                } catch (IOException closed) {
                  return;
                }
              }
            });
    holder.setDaemon(true);
    holder.start();
    stalledUrl = "http://127.0.0.1:" + stalled.getLocalPort() + "/sparql";
    redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirecting.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://example.org/elsewhere");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    redirecting.start();
    redirectingUrl = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/sparql";
    Project project = TestProjects.copy(dir);
    // no instrument of the curated graph has a Wikidata link confirmed by a named source; this
    // copy links GDPR to the candidate its note keeps, so that the join has something to join
    Files.writeString(
        dir.resolve("data").resolve("test-wikidata-link.ttl"),
        "<https://w3id.org/dgov/id/gdpr> <http://www.w3.org/2002/07/owl#sameAs>"
            + " <http://www.wikidata.org/entity/Q1172506> .\n");
    Path config = dir.resolve("fuseki-config.ttl");
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "<" + WIKIDATA + ">",
                String.join(
                    ", ",
                    "<" + standIn + ">",
                    "<" + CLOSED + ">",
                    "<" + stalledUrl + ">",
                    "<" + redirectingUrl + ">")));
    server = DgovServer.start(project, new DgovServer.Options(0, true, null, true));
    base = Http.base(server);
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    wikidata.stop();
    canary.close();
    stalled.close();
    for (Socket connection : stalledConnections) {
      connection.close();
    }
    redirecting.stop(0);
  }

  static Stream<NamedQuery> federatedQueries() {
    return NamedQuery.all(Path.of("queries/federated")).stream();
  }

  @ParameterizedTest
  @MethodSource("federatedQueries")
  void shippedFederatedQueriesJoinWithTheStandIn(NamedQuery query) throws Exception {
    assertTrue(query.text().contains("SERVICE <" + WIKIDATA + ">"), query.name());
    HttpResponse<String> response = post(query.text().replace(WIKIDATA, standIn));
    assertEquals(200, response.statusCode(), response.body());
    String joined =
        query.text().contains("a dgov:Instrument")
            ? "https://w3id.org/dgov/id/gdpr"
            : "https://w3id.org/dgov/id/china";
    assertTrue(response.body().contains(joined), response.body());
  }

  @Test
  void instrumentsJoinWithTheirWikidataDates() throws Exception {
    NamedQuery query =
        NamedQuery.all(Path.of("queries/federated")).stream()
            .filter(q -> q.name().equals("list-wikidata-dates-of-instruments"))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> response = post(query.text().replace(WIKIDATA, standIn));
    assertEquals(200, response.statusCode(), response.body());
    JsonArray rows = JSON.parse(response.body()).getObj("results").get("bindings").getAsArray();
    assertEquals(1, rows.size(), "only GDPR's item is in the stand-in: " + response.body());
    JsonObject row = rows.get(0).getAsObject();
    assertEquals("https://w3id.org/dgov/id/gdpr", value(row, "instrument"));
    assertEquals("http://www.wikidata.org/entity/Q1172506", value(row, "item"));
    assertEquals("2016-04-27", value(row, "date"), "the graph's own date, from the record");
    assertEquals("2016-04-27T00:00:00Z", value(row, "wikidataInception"));
    assertEquals("General Data Protection Regulation", value(row, "wikidataLabel"));
    assertEquals("true", value(row, "sameYear"));
    assertTrue(!row.hasKey("wikidataPublication"), "no P577 in the stand-in: " + row);
  }

  private static String value(JsonObject row, String variable) {
    assertTrue(row.hasKey(variable), variable + " unbound in " + row);
    return row.getObj(variable).getString("value");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CANARY",
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/sparql",
        "http://[::1]:1/sparql"
      })
  void anyOtherServiceIsRefusedWithoutAConnection(String endpoint) throws Exception {
    String target = endpoint.equals("CANARY") ? canaryUrl : endpoint;
    HttpResponse<String> response =
        post("SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }");
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("not allowed"), response.body());
    assertEquals(0, canaryConnections.get(), "the canary was connected to");
  }

  @Test
  void aVariableServiceIsRefused() throws Exception {
    HttpResponse<String> response =
        post("SELECT * WHERE { BIND(<" + canaryUrl + "> AS ?e) SERVICE ?e { ?s ?p ?o } }");
    assertTrue(response.statusCode() >= 400, response.body());
    assertEquals(0, canaryConnections.get(), "the canary was connected to");
  }

  @Test
  void anAllowedEndpointThatCannotBeReachedIsABadGatewayThatSaysWhy() throws Exception {
    HttpResponse<String> response =
        post("SELECT * WHERE { SERVICE <" + CLOSED + "> { ?s ?p ?o } }");
    assertEquals(502, response.statusCode(), response.body());
    assertTrue(response.body().contains("the connection was refused"), response.body());
  }

  /**
   * A SERVICE that never answers ends its query at the query's timeout (2 s, as the client asks
   * here), with 504, and gives back its slot: three in a row from one client, whose share is two
   * heavy slots, are each answered so.
   */
  @Test
  void aStalledEndpointEndsTheQueryAtItsTimeoutAndFreesItsSlot() throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response =
          post("SELECT * WHERE { SERVICE <" + stalledUrl + "> { ?s ?p ?o } }", "?timeout=2");
      assertEquals(504, response.statusCode(), "call " + i + ": " + response.body());
      assertTrue(response.body().contains("did not answer within"), response.body());
    }
    assertTrue(!stalledConnections.isEmpty(), "the stalled endpoint was called");
  }

  @Test
  void aRedirectFromAnAllowedEndpointIsABadGatewayThatNamesIt() throws Exception {
    HttpResponse<String> response =
        post("SELECT * WHERE { SERVICE <" + redirectingUrl + "> { ?s ?p ?o } }");
    assertEquals(502, response.statusCode(), response.body());
    assertTrue(response.body().contains("redirect (302)"), response.body());
    assertTrue(response.headers().firstValue("Location").isEmpty(), "our own redirect");
  }

  private static HttpResponse<String> post(String query) throws IOException, InterruptedException {
    return post(query, "");
  }

  private static HttpResponse<String> post(String query, String parameters)
      throws IOException, InterruptedException {
    return Http.send(
        Http.postRequest(
                base + "/dgov/sparql" + parameters,
                "application/sparql-query",
                query,
                "Accept",
                "application/sparql-results+json")
            .timeout(Duration.ofSeconds(60))); // a call never cut would show as this error
  }
}
