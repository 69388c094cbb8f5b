package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.Http;
import org.dgov.HttpStatus;
import org.dgov.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers and readers at the same time: two writes each valid alone but not together cannot both
 * commit, and readers never see half a write; the named queries' kept results are the data's.
 */
class ConcurrentWritesIT {

  private static final String PREFIXES =
      "PREFIX dgr: <https://w3id.org/dgov/id/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"
          + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
  private static final Pattern PAIR = Pattern.compile("pair (\\d+) ([ab])");

  @TempDir static Path dir;
  private static FusekiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = TestProjects.writableServer(dir);
    base = Http.base(server);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void twoWritesValidAloneButNotTogetherCannotBothCommit() throws Exception {
    String entry = Files.readString(Path.of("src/test/resources/shapes/event-valid.ttl"));
    assertEquals(2, send("/dgov/data?default", "text/turtle", entry).statusCode() / 100);
    // each replaces the one English label; whichever commits second would leave two
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
    for (String name : List.of("A", "B")) {
      writes.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                  return send(
                      "/dgov/update",
                      "application/sparql-update",
                      PREFIXES
                          + "DELETE DATA { dgr:test-event rdfs:label \"Test ministerial\"@en } ;"
                          + " INSERT DATA { dgr:test-event rdfs:label \"Test ministerial "
                          + name
                          + "\"@en }");
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> w : writes) {
      int status = w.join().statusCode();
      statuses.add(HttpStatus.succeeded(status) ? 200 : status);
    }
    statuses.sort(null);
    assertEquals(List.of(200, 422), statuses, "one write commits, the other is refused");
    String labels =
        select(PREFIXES + "SELECT ?l { dgr:test-event rdfs:label ?l FILTER(lang(?l) = \"en\") }");
    assertEquals(2, labels.strip().split("\\R").length, "one English label stays: " + labels);
  }

  @Test
  void readersNeverSeeHalfAWrite() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<String> torn = new AtomicReference<>();
    String notes =
        PREFIXES
            + "SELECT ?note { dgr:rcep skos:editorialNote ?note FILTER STRSTARTS(?note, \"pair \") }";
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                try {
                  String half = half(select(notes));
                  if (!half.isEmpty()) {
                    torn.compareAndSet(null, "SPARQL: " + half);
                  }
                  for (String page :
                      List.of("/queries/count-resources-by-class", "/dumps/dgov.nt.gz")) {
                    int status = get(page, "text/csv").statusCode();
                    if (status != 200) {
                      torn.compareAndSet(null, page + " answered " + status + " during a write");
                    }
                  }
                } catch (IOException | InterruptedException | RuntimeException e) {
                  torn.compareAndSet(null, e.toString());
                }
              }
            });
    reader.start();
    try {
      for (int n = 0; n < 6; n++) {
        HttpResponse<String> write =
            send(
                "/dgov/update",
                "application/sparql-update",
                PREFIXES
                    + "INSERT DATA { dgr:rcep skos:editorialNote \"pair "
                    + n
                    + " a\"@en, \"pair "
                    + n
                    + " b\"@en }");
        assertEquals(2, write.statusCode() / 100, write.body());
      }
    } finally {
      writing.set(false);
      reader.join();
    }
    assertEquals(null, torn.get(), "a reader saw half a write");
    assertEquals("", half(select(notes)));
    assertEquals(
        select(Files.readString(Path.of("queries/count-resources-by-class.rq"))),
        get("/queries/count-resources-by-class", "text/csv").body(),
        "the named query's kept result is the data's");
  }

  /** The pairs of which only one half is there, as text; empty when none. */
  private static String half(String csv) {
    Map<Integer, Set<String>> pairs = new HashMap<>();
    Matcher m = PAIR.matcher(csv);
    while (m.find()) {
      pairs.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeSet<>()).add(m.group(2));
    }
    StringBuilder half = new StringBuilder();
    pairs.forEach(
        (n, parts) -> {
          if (parts.size() != 2) {
            half.append(n).append(parts).append(' ');
          }
        });
    return half.toString();
  }

  private static String select(String query) throws IOException, InterruptedException {
    HttpResponse<String> response =
        get("/dgov/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    return Http.get(base + path, "Accept", accept);
  }

  private static HttpResponse<String> send(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return Http.post(base + path, contentType, body, "Authorization", TestProjects.AUTHORIZATION);
  }
}
