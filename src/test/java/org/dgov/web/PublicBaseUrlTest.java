package org.dgov.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.server.ServerSettings;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absolute IRIs in served documents come from the public base URL, never from the {@code Host}
 * header a client sends: on every route that writes one (a resource's JSON-LD {@code @context} and
 * document, the SPARQL service description, VoID), a forged {@code Host} changes nothing.
 */
@ExtendWith(Shared.class)
class PublicBaseUrlTest {

  private static final String EVIL = "evil.example";
  private static int port;

  @BeforeAll
  static void start(Shared.Server server) {
    port = server.fuseki().getHttpPort();
  }

  @Test
  void aForgedHostFlowsIntoNoDocument() throws Exception {
    String[][] routes = {
      {"/doc/rcep.jsonld", "application/ld+json"},
      {"/doc/rcep", "text/turtle"},
      {"/dgov/sparql", "text/turtle"},
      {"/.well-known/void", "text/turtle"}
    };
    for (String[] route : routes) {
      String response = get(port, route[0], route[1], EVIL);
      assertTrue(response.startsWith("HTTP/1.1 200"), route[0] + ":\n" + response);
      assertFalse(response.contains(EVIL), route[0] + " names the forged host:\n" + response);
      assertTrue(
          response.contains("http://localhost:" + port + "/"),
          route[0] + " names the default base URL:\n" + response);
    }
  }

  @Test
  void theConfiguredBaseUrlIsUsedWhateverTheHost() throws Exception {
    DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    Node depa = NodeFactory.createURI(DGOV.ID + "depa");
    dataset.getDefaultGraph().add(depa, RDF.type.asNode(), DGOV.Agreement.asNode());
    dataset
        .getDefaultGraph()
        .add(depa, RDFS.label.asNode(), NodeFactory.createLiteralLang("DEPA", "en"));
    FusekiServer server =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .add(UrlLayout.SERVICE, dataset)
            .addServlet("/doc/*", new LinkedDataServlet())
            .addServletAttribute(UrlLayout.BASE_URL_ATTRIBUTE, "https://dgov.example.org")
            .build()
            .start();
    try {
      String response = get(server.getHttpPort(), "/doc/depa.jsonld", "*/*", EVIL);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(
          response.contains("\"https://dgov.example.org/context.jsonld\""),
          "context:\n" + response);
      assertFalse(response.contains(EVIL), response);
      assertFalse(response.contains("localhost"), response);
    } finally {
      server.stop();
    }
  }

  @Test
  void fusekiConfigSetsTheBaseUrlAndABadOneIsAnErrorNamingTheFile(@TempDir Path dir)
      throws Exception {
    var project = TestProjects.copy(dir);
    assertEquals(Optional.empty(), ServerSettings.read(project).publicBaseUrl(), "not set");
    Path config = project.fusekiConfig();
    String original = Files.readString(config);
    Files.writeString(
        config,
        original.replace(
            ":maxConcurrentQueries 4;",
            ":maxConcurrentQueries 4; :publicBaseUrl <https://dgov.example.org/>;"));
    assertEquals(
        Optional.of("https://dgov.example.org"), ServerSettings.read(project).publicBaseUrl());
    Files.writeString(
        config,
        original.replace(
            ":maxConcurrentQueries 4;",
            ":maxConcurrentQueries 4; :publicBaseUrl \"javascript:alert(1)\";"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.read(project));
    assertTrue(e.getMessage().contains("fuseki-config.ttl: :publicBaseUrl"), e.getMessage());
    assertTrue(e.getMessage().contains("http(s)://host"), e.getMessage());
  }

  /** The raw response to a GET of {@code path} sent with {@code host} as its Host header. */
  private static String get(int port, String path, String accept, String host) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAccept: "
                  + accept
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
