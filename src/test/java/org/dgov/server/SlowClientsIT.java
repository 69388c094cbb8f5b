package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dgov.Http;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a request body a byte at a time hold no thread: while 50 of them dribble, a
 * query and a page are answered, and each of them is dropped with 408 once its body is overdue. The
 * server runs in a JVM of its own, with the pool it has in production.
 */
class SlowClientsIT {

  private static final int CLIENTS = 50;

  /** Guards against a hang only; the assertions wait on answers, not on a clock. */
  private static final Duration GUARD = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static ServerProcess server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    TestProjects.copy(dir);
    server = ServerProcess.start(dir, dir.resolve("server.log"));
    port = URI.create(server.base()).getPort();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return Http.send(Http.request("GET", server.base() + path, null).timeout(GUARD));
  }

  @Test
  void slowUploadsAreDroppedWhileQueriesAndPagesAreAnswered() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) GUARD.toMillis());
        socket
            .getOutputStream()
            .write(
                ("POST /dgov/sparql HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 1000\r\n\r\nq")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      dribble.scheduleWithFixedDelay(
          () -> slow.forEach(SlowClientsIT::oneMoreByte), 1, 1, TimeUnit.SECONDS);

      HttpResponse<String> ask = get("/dgov/sparql?query=ASK%7B%7D");
      assertEquals(200, ask.statusCode(), ask.body());
      assertTrue(ask.body().contains("true"), ask.body());
      HttpResponse<String> page = get("/doc/rcep");
      assertEquals(200, page.statusCode());

      int answered = 0;
      for (Socket socket : slow) {
        String answer = readToClose(socket.getInputStream());
        if (!answer.isEmpty()) { // else reset before the answer was read: dropped all the same
          assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
          assertTrue(answer.contains("did not arrive within"), answer);
          answered++;
        }
      }
      assertTrue(answered > 0, "no slow client was told why it was dropped");
      assertEquals(200, get("/dgov/sparql?query=ASK%7B%7D").statusCode());
    } finally {
      dribble.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** Sends one more byte of the body, as long as the server keeps the connection. */
  private static void oneMoreByte(Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write('u');
      out.flush();
    } catch (IOException closed) {
      // dropped by the server: that is what the test waits for
    }
  }

  /**
   * What the server sends until it closes the connection; a reset (the server closed with bytes of
   * the body unread) ends it as well. A connection still open at the guard fails the test (the read
   * times out).
   */
  private static String readToClose(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // dropped
    }
    return answer.toString(StandardCharsets.ISO_8859_1);
  }
}
