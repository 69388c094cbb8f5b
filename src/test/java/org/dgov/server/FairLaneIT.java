package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ad-hoc lane stays open while heavy queries fill it: the server under test (a JVM of its own,
 * the timeout being JVM-global in Fuseki) has two heavy slots, one per client, a 5 s timeout, and
 * trusts {@code 127.0.0.1} as a proxy, so that requests from there name their client in {@code
 * X-Forwarded-For}; requests from {@code 127.0.0.2}, also loopback, are from an untrusted peer.
 * Nothing is timed: each check waits until heavy queries were seen holding their slots (a further
 * one was refused), however long the machine takes to get there.
 */
class FairLaneIT {

  private static final String HEAVY =
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  private static final String PROXY = "127.0.0.1";
  private static final String UNTRUSTED = "127.0.0.2";

  /** How long a check may take before it is given up: far beyond the server's timeout. */
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private static final AtomicInteger clients = new AtomicInteger();

  @TempDir static Path dir;
  private static ServerProcess server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    TestProjects.copy(dir);
    Path config = dir.resolve("fuseki-config.ttl");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("ja:cxtValue \"10000\"", "ja:cxtValue \"5000\"")
            .replace(":maxConcurrentQueries 4", ":maxConcurrentQueries 2")
            .replace(":maxHeavyQueriesPerClient 2", ":maxHeavyQueriesPerClient 1")
            .replace(":shortLaneSlots 8", ":shortLaneSlots 8; :trustedProxy \"" + PROXY + "\""));
    server = ServerProcess.start(dir, dir.resolve("server.log"));
    port = URI.create(server.base()).getPort();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  /** A client address never used before, as a proxy would forward it. */
  private static String newClient() {
    return "10.0." + (clients.get() / 250) + "." + (clients.incrementAndGet() % 250 + 1);
  }

  @Test
  void aCheapQueryIsAnsweredWhileHeavyQueriesHoldEveryHeavySlot() throws Exception {
    List<String> holders = List.of(newClient(), newClient());
    List<CompletableFuture<Answer>> heavy = new ArrayList<>();
    holders.forEach(c -> heavy.add(async(PROXY, c, HEAVY)));
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (true) {
      for (int i = 0; i < heavy.size(); i++) {
        if (heavy.get(i).isDone()) {
          heavy.set(i, async(PROXY, holders.get(i), HEAVY));
        }
      }
      Answer third = send(PROXY, newClient(), HEAVY);
      if (third.status() == 503) {
        assertTrue(third.retryAfter(), "a heavy query refused for want of a slot: Retry-After");
        Answer cheap = send(PROXY, newClient(), "ASK {}");
        assertEquals(200, cheap.status(), "ASK {} while the heavy slots are full: " + cheap);
        return;
      }
      if (Instant.now().isAfter(giveUp)) {
        fail("the two heavy slots were never seen full; last answer " + third);
      }
    }
  }

  @Test
  void aClientOverItsShareOfHeavySlotsGets429() throws Exception {
    String client = newClient();
    Answer over = overShare(PROXY, () -> client);
    assertTrue(over.retryAfter(), "429 with Retry-After: " + over);
  }

  @Test
  void aForwardedAddressFromAnUntrustedPeerDoesNotChangeTheClient() throws Exception {
    Answer over = overShare(UNTRUSTED, FairLaneIT::newClient);
    assertTrue(over.body().contains("this client"), over.body());
  }

  /**
   * Sends heavy queries from {@code peer}, each naming {@code forwarded} as its client, two at a
   * time, until one gets 429 while another is running; fails if none does within {@link #PATIENCE}.
   * Either of the two may be the one refused (whichever the server sees second), so the answer
   * awaited is whichever comes first: the one admitted runs until the server's timeout.
   */
  private static Answer overShare(String peer, java.util.function.Supplier<String> forwarded)
      throws Exception {
    CompletableFuture<Answer> running = async(peer, forwarded.get(), HEAVY);
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (true) {
      CompletableFuture<Answer> another = async(peer, forwarded.get(), HEAVY);
      CompletableFuture.anyOf(running, another).join();
      for (CompletableFuture<Answer> answer : List.of(running, another)) {
        if (answer.isDone() && answer.join().status() == 429) {
          return answer.join();
        }
      }
      if (running.isDone()) {
        running = another;
      }
      if (Instant.now().isAfter(giveUp)) {
        fail("no 429 for a client running two heavy queries; last answer " + running.join());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"union", "and"})
  void aDeepSyntaxTreeIs400WithAPlainReason(String kind) throws Exception {
    String query =
        kind.equals("union") ? ParseBoundsTest.union(30_000) : ParseBoundsTest.conjunction(60_000);
    Answer deep = send(PROXY, newClient(), query);
    assertEquals(400, deep.status(), deep.toString());
    assertTrue(deep.body().contains("nested too deeply"), deep.body());
    assertTrue(!deep.body().contains("Exception") && !deep.body().contains("Error"), deep.body());
    assertEquals(200, send(PROXY, newClient(), "ASK {}").status(), "the server keeps serving");
  }

  /** A response as the client saw it. */
  record Answer(int status, boolean retryAfter, String body) {}

  private static CompletableFuture<Answer> async(String peer, String forwarded, String query) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return send(peer, forwarded, query);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * POSTs {@code query} over a connection from the loopback address {@code peer}, with {@code
   * X-Forwarded-For: forwarded}, and reads the whole answer (HTTP/1.1, the connection closed after
   * it).
   */
  private static Answer send(String peer, String forwarded, String query) throws IOException {
    byte[] body = query.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(peer), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      socket.setSoTimeout((int) PATIENCE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /dgov/sparql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Type: application/sparql-query\r\n"
                  + "Accept: application/sparql-results+json\r\n"
                  + "X-Forwarded-For: "
                  + forwarded
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int headersEnd = response.indexOf("\r\n\r\n");
      String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      boolean retryAfter = head.toLowerCase(java.util.Locale.ROOT).contains("\r\nretry-after:");
      return new Answer(status, retryAfter, headersEnd < 0 ? "" : response.substring(headersEnd));
    }
  }
}
