package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Http;
import org.dgov.ManualClock;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.graph.Similarity;
import org.dgov.store.Users;
import org.dgov.vocab.DGOV;
import org.dgov.web.HomeServlet;
import org.dgov.web.UrlLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work a request costs is bounded whatever it asks: absurdly long slugs and search texts are
 * answered without looking through the graph, suggestions are found with a bounded edit distance,
 * the home page is computed once per version of the data, and wrong passwords are slowed.
 */
@ExtendWith(Shared.class)
class BoundedCostTest {

  private static String base;

  @BeforeAll
  static void start(Shared.Server server) {
    base = server.base();
  }

  @Test
  void aSlugOf7000CharactersIs404WithoutSuggestions() throws Exception {
    String slug = "rcep" + "a".repeat(6996);
    for (String path : new String[] {"/id/" + slug, "/doc/" + slug, "/doc/" + slug + ".ttl"}) {
      HttpResponse<String> response = get(base + path);
      assertEquals(404, response.statusCode(), response.body());
      assertTrue(response.body().contains("slugs are at most 200"), response.body());
      assertFalse(response.body().contains("Did you mean"), "no suggestions were sought");
    }
    HttpResponse<String> typo = get(base + "/doc/rcpe");
    assertEquals(404, typo.statusCode());
    assertTrue(typo.body().contains("href=\"/doc/rcep\""), "a short slug still gets suggestions");
  }

  @Test
  void aSearchTextOver200CharactersIs400() throws Exception {
    String q = URLEncoder.encode("数据".repeat(101), StandardCharsets.UTF_8);
    HttpResponse<String> response = get(base + "/search?q=" + q);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("at most 200"), response.body());
    assertEquals(200, get(base + "/search?q=" + "数据".repeat(100)).statusCode());
  }

  @Test
  void boundedDistanceIsTheDistanceWithinTheBoundAndBoundPlusOneBeyond() {
    Random random = new Random(15);
    for (int n = 0; n < 2000; n++) {
      String a = word(random), b = word(random);
      int max = random.nextInt(6);
      int full = Similarity.distance(a, b);
      assertEquals(
          full <= max ? full : max + 1, Similarity.distance(a, b, max), a + " / " + b + " " + max);
    }
    assertEquals(3, Similarity.distance("rcep", "x".repeat(7000), 2), "lengths alone decide");
  }

  @Test
  void theHomePageIsComputedOncePerVersionOfTheData() throws Exception {
    DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    layer(dataset, "first-layer", "First layer");
    AtomicLong version = new AtomicLong();
    FusekiServer server =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .add(UrlLayout.SERVICE, dataset)
            .addServlet("", new HomeServlet(Map.of(), version::get))
            .build()
            .start();
    try {
      String home = Http.base(server) + "/";
      assertTrue(get(home).body().contains("First layer"));
      layer(dataset, "second-layer", "Second layer");
      assertFalse(get(home).body().contains("Second layer"), "same version, same page");
      version.incrementAndGet();
      assertTrue(get(home).body().contains("Second layer"), "a new version, a new page");
    } finally {
      server.stop();
    }
  }

  @Test
  void wrongPasswordsFromOneAddressAreAnswered429AfterTenEvenSentAtOnce(@TempDir Path dir)
      throws Exception {
    ManualClock clock = new ManualClock();
    FusekiServer server = TestProjects.writableServer(dir, clock);
    try {
      String update = Http.base(server) + "/dgov/update";
      String wrong =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("alice:wrong guess".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < Users.FREE_FAILURES / 2; i++) {
        assertEquals(401, post(update, wrong).statusCode(), "attempt " + (i + 1));
      }
      List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
      for (int i = 0; i < Users.FREE_FAILURES; i++) {
        burst.add(Http.sendAsync(request(update, wrong)));
      }
      Map<Integer, Long> statuses =
          burst.stream()
              .map(CompletableFuture::join)
              .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
      assertEquals(
          Map.of(401, (long) (Users.FREE_FAILURES / 2), 429, (long) (Users.FREE_FAILURES / 2)),
          statuses,
          "attempts sent at once count before any password is checked");
      HttpResponse<String> slowed = post(update, wrong);
      assertEquals(429, slowed.statusCode(), slowed.body());
      assertTrue(slowed.headers().firstValue("Retry-After").isPresent());
      assertTrue(slowed.body().contains("too many wrong user names or passwords"), slowed.body());
      assertEquals(
          429,
          post(update, TestProjects.AUTHORIZATION).statusCode(),
          "not even the right password is checked until the wait is over");
      clock.advance(
          Duration.ofSeconds(Long.parseLong(slowed.headers().firstValue("Retry-After").get())));
      assertEquals(
          204,
          post(update, TestProjects.AUTHORIZATION).statusCode(),
          "once the wait is over, the right password works");
    } finally {
      server.stop();
    }
  }

  private static void layer(DatasetGraph dataset, String slug, String label) {
    Node layer = NodeFactory.createURI(UrlLayout.iri(slug));
    Txn.executeWrite(
        dataset,
        () -> {
          dataset
              .getDefaultGraph()
              .add(Triple.create(layer, RDF.type.asNode(), DGOV.IssueLayer.asNode()));
          dataset
              .getDefaultGraph()
              .add(
                  Triple.create(
                      layer, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en")));
        });
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    for (int i = random.nextInt(10); i > 0; i--) {
      word.append((char) ('a' + random.nextInt(3)));
    }
    return word.toString();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return Http.get(url, "Accept", "text/html");
  }

  private static HttpResponse<String> post(String url, String authorization) throws Exception {
    return Http.send(request(url, authorization));
  }

  private static HttpRequest.Builder request(String url, String authorization) {
    return Http.request(
        "POST",
        url,
        HttpRequest.BodyPublishers.ofString("INSERT DATA {}"),
        "Authorization",
        authorization,
        "Content-Type",
        "application/sparql-update");
  }
}
