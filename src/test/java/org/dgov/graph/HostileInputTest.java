package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser behind {@code validate} and {@code /dgov/validate} reads no file and touches no
 * network whatever the input asks for, and survives entity expansion bombs. A local canary server
 * counts every request that reaches it.
 */
class HostileInputTest {

  private HttpServer canary;
  private final AtomicInteger hits = new AtomicInteger();
  private String canaryUrl;

  @BeforeEach
  void startCanary() throws Exception {
    canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    canary.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          byte[] body =
              "{\"@context\": {\"name\": \"http://example.org/name\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    canary.start();
    canaryUrl = "http://127.0.0.1:" + canary.getAddress().getPort() + "/context.jsonld";
  }

  @AfterEach
  void stopCanary() {
    canary.stop(0);
  }

  @Test
  void jsonLdRemoteContextIsNotFetched() {
    String doc =
        "{\"@context\": \""
            + canaryUrl
            + "\", \"@id\": \"https://w3id.org/dgov/id/x\", \"name\": \"x\"}";
    SyntaxError e = assertThrows(SyntaxError.class, () -> parse(doc, Lang.JSONLD));
    assertTrue(e.getMessage().contains("not fetched"), e.getMessage());
    assertTrue(hits.get() == 0, "the canary was contacted");
  }

  @Test
  void rdfXmlExternalEntitiesAreNotRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\"> <!ENTITY net SYSTEM \""
            + canaryUrl
            + "\"> ]>\n"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">\n"
            + "<rdf:Description rdf:about=\"https://w3id.org/dgov/id/x\"><rdfs:comment>&xxe;&net;</rdfs:comment></rdf:Description>\n</rdf:RDF>\n";
    try {
      RdfFiles.Parsed parsed = parse(xml, Lang.RDFXML);
      assertFalse(parsed.graph().toString().contains("TOP-SECRET"), "an external entity was read");
    } catch (SyntaxError refused) {
      // refusing the document is as good as ignoring the entity
    }
    assertTrue(hits.get() == 0, "the canary was contacted");
  }

  @Test
  void billionLaughsDoesNotBlowUp() {
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      entities
          .append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF ["
            + entities
            + "]>\n"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">"
            + "<rdf:Description rdf:about=\"https://w3id.org/dgov/id/x\"><rdfs:comment>&lol9;</rdfs:comment></rdf:Description></rdf:RDF>";
    try {
      RdfFiles.Parsed parsed = parse(xml, Lang.RDFXML);
      assertTrue(
          parsed.graph().toString().length() < 1_000_000, "entities were expanded a billion times");
    } catch (SyntaxError refused) {
      // refused: fine
    }
  }

  @Test
  void owlImportsAreNotFollowed() throws Exception {
    String turtle =
        "<https://w3id.org/dgov/id/x> <http://www.w3.org/2002/07/owl#imports> <"
            + canaryUrl
            + "> .";
    RdfFiles.Parsed parsed = parse(turtle, Lang.TURTLE);
    assertTrue(parsed.graph().size() == 1);
    assertTrue(hits.get() == 0, "the canary was contacted");
  }

  private static RdfFiles.Parsed parse(String text, Lang lang) throws SyntaxError {
    return RdfFiles.parse(text.getBytes(StandardCharsets.UTF_8), lang, "input");
  }
}
