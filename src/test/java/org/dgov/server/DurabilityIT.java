package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.dgov.Http;
import org.dgov.HttpStatus;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a writable server runs as a child process on a TDB2 store, numbered two-statement
 * transactions are sent and each acknowledged one recorded, and the process is killed with SIGKILL
 * once a random number (1–8) of the round's writes have been acknowledged, with the next write in
 * flight, several rounds. After each restart every acknowledged transaction is there whole, and
 * every other one is wholly there or wholly absent. Readers running alongside never see half a
 * transaction, and the history feed lists exactly the transactions that are there, numbered in
 * order. The test counts acknowledgements, not seconds: a slow machine only makes it slower.
 */
class DurabilityIT {

  private static final Pattern NOTE = Pattern.compile("txn (\\d+) ([ab])");
  private static final Pattern MESSAGE = Pattern.compile("txn (\\d+)");
  private static final String AUTH = TestProjects.AUTHORIZATION;
  private static final int ROUNDS = 3;

  /** Far beyond what any write takes: a write still unanswered then is a hang. */
  private static final Duration DEADLINE = Duration.ofMinutes(5);

  @Test
  void acknowledgedWritesSurviveKill9(@TempDir Path dir) throws Exception {
    Path repo = TestProjects.copy(dir.resolve("repo")).root();
    Path users = TestProjects.usersFile(dir);
    Path db = dir.resolve("db");
    Random random = new Random(20221207);
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean halfSeen = new AtomicBoolean();
    int next = 0;
    for (int round = 0; round < ROUNDS; round++) {
      try (ServerProcess server =
          writable(repo, db, users, dir.resolve("server-" + round + ".log"))) {
        String base = server.base();
        check(base, acknowledged);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader =
            new Thread(
                () -> {
                  while (running.get()) {
                    try {
                      if (!wholeOrAbsent(notes(base)).isEmpty()) {
                        halfSeen.set(true);
                      }
                    } catch (IOException | InterruptedException | RuntimeException e) {
                      return;
                    }
                  }
                });
        reader.start();
        int first = next;
        Thread writer =
            new Thread(
                () -> {
                  for (int n = first; running.get(); n++) {
                    try {
                      if (HttpStatus.succeeded(insert(base, n))) {
                        acknowledged.add(n);
                      }
                    } catch (IOException | InterruptedException e) {
                      return;
                    }
                  }
                });
        writer.start();
        int wanted = 1 + random.nextInt(8);
        while (acknowledged.stream().filter(n -> n >= first).count() < wanted) {
          assertTrue(
              writer.isAlive(), "round " + round + ": " + wanted + " writes were not acknowledged");
          Thread.sleep(5);
        }
        server.close();
        running.set(false);
        writer.join();
        reader.join();
        next = first + 10_000;
      }
    }
    try (ServerProcess server = writable(repo, db, users, dir.resolve("server-final.log"))) {
      check(server.base(), acknowledged);
    }
    assertEquals(false, halfSeen.get(), "a reader saw half a transaction");
  }

  /**
   * Every acknowledged transaction whole; no transaction half there; the history lists, in order
   * and numbered without a gap, exactly the transactions that are there.
   */
  private static void check(String base, Set<Integer> acknowledged)
      throws IOException, InterruptedException {
    Map<Integer, Set<String>> notes = notes(base);
    for (int n : acknowledged) {
      assertEquals(
          Set.of("a", "b"),
          notes.get(n),
          "acknowledged transaction " + n + " is not whole after restart");
    }
    assertEquals(List.of(), wholeOrAbsent(notes), "transactions half applied");
    List<Integer> history = history(base);
    assertEquals(
        new java.util.TreeSet<>(notes.keySet()),
        new java.util.TreeSet<>(history),
        "the history lists exactly the transactions in the store");
    assertEquals(history.size(), Set.copyOf(history).size(), "a transaction listed twice");
  }

  /** The transactions the history lists, in its order; its versions must run 1, 2, 3… */
  private static List<Integer> history(String base) throws IOException, InterruptedException {
    List<Integer> listed = new ArrayList<>();
    long expected = 1;
    String page = "/dgov/changes?limit=1000";
    while (page != null) {
      HttpResponse<String> response =
          Http.send(Http.request("GET", base + page, null).timeout(DEADLINE));
      assertEquals(200, response.statusCode(), response.body());
      JsonObject feed = JSON.parse(response.body());
      for (JsonValue change : feed.get("changes").getAsArray()) {
        JsonObject c = change.getAsObject();
        assertEquals(expected++, c.get("version").getAsNumber().value().longValue());
        Matcher m = MESSAGE.matcher(c.get("message").getAsString().value());
        assertTrue(m.matches(), "a change not made by this test: " + c);
        listed.add(Integer.parseInt(m.group(1)));
      }
      page = feed.hasKey("next") ? feed.get("next").getAsString().value() : null;
    }
    return listed;
  }

  private static List<Integer> wholeOrAbsent(Map<Integer, Set<String>> notes) {
    List<Integer> half = new ArrayList<>();
    notes.forEach(
        (n, parts) -> {
          if (parts.size() != 2) {
            half.add(n);
          }
        });
    return half;
  }

  private static Map<Integer, Set<String>> notes(String base)
      throws IOException, InterruptedException {
    String query =
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?note { <https://w3id.org/dgov/id/rcep> skos:editorialNote ?note FILTER STRSTARTS(?note, \"txn \") }";
    HttpResponse<String> response =
        Http.send(
            Http.request(
                    "GET",
                    base + "/dgov/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                    null,
                    "Accept",
                    "text/csv")
                .timeout(DEADLINE));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the notes could not be read: " + response.statusCode() + " " + response.body());
    }
    Map<Integer, Set<String>> notes = new HashMap<>();
    Matcher m = NOTE.matcher(response.body());
    while (m.find()) {
      notes
          .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new java.util.TreeSet<>())
          .add(m.group(2));
    }
    return notes;
  }

  private static int insert(String base, int n) throws IOException, InterruptedException {
    String update =
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> INSERT DATA { <https://w3id.org/dgov/id/rcep> skos:editorialNote \"txn "
            + n
            + " a\"@en, \"txn "
            + n
            + " b\"@en }";
    return Http.send(
            Http.postRequest(
                    base + "/dgov/update",
                    "application/sparql-update",
                    update,
                    "Authorization",
                    AUTH,
                    "Dgov-Message",
                    "txn " + n)
                .timeout(DEADLINE))
        .statusCode();
  }

  private static ServerProcess writable(Path repo, Path db, Path users, Path log)
      throws IOException, InterruptedException {
    return ServerProcess.start(
        repo, log, "--writable", "--db", db.toString(), "--users", users.toString());
  }
}
