package org.dgov.replica;

import static org.dgov.HttpStatus.assertSucceeded;
import static org.dgov.replica.ReplicaClient.await;
import static org.dgov.replica.ReplicaClient.query;
import static org.dgov.replica.ReplicaClient.update;
import static org.dgov.replica.ReplicaClient.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.dgov.TestProjects;
import org.dgov.graph.Project;
import org.dgov.server.DgovServer;
import org.dgov.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary publishing to an embedded KRaft broker and two replicas following it, in this JVM: a
 * scripted mix of writes leaves both replicas' stores isomorphic to the primary's (its asserted
 * statements equal, blank nodes included); readers never see half a patch; a replica stopped
 * mid-stream resumes from its store; the broker stopped under writes loses none of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationIT {

  @TempDir static Path dir;
  private static EmbeddedKafka kafka;
  private static KafkaTopic topic;
  private static Project project;
  private static Primary primary;
  private static String base;
  private static DatasetGraph primaryStore;
  private static Replica first;
  private static Replica second;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start();
    topic = kafka.topic("dgov-changes");
    project = TestProjects.copy(dir.resolve("repo"));
    Path db = dir.resolve("primary");
    primary =
        Primary.start(
            project,
            new DgovServer.Options(
                0, true, new DgovServer.Writes(db, Users.read(TestProjects.usersFile(dir))), false),
            topic);
    base = "http://localhost:" + primary.server().getHttpPort();
    primaryStore = ReplicaClient.store(db);
    first = replica(dir.resolve("first"));
    second = replica(null);
  }

  private static Replica replica(Path db) throws Exception {
    return Replica.start(project, topic, db, new DgovServer.ServerPlace(0, true), true);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {first, second, primary, kafka}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static String url(Replica r) {
    return "http://localhost:" + r.server().getHttpPort();
  }

  /** Waits until both replicas hold the primary's version, then compares their stores with it. */
  private static void assertConverged() throws InterruptedException {
    long head = version(primaryStore);
    for (Replica r : List.of(first, second)) {
      await("a replica at version " + head, () -> r.version() >= head || r.stopped() != null);
      assertEquals(null, r.stopped());
      assertEquals(head, r.version());
      Graph asserted = ReplicaClient.asserted(primaryStore);
      assertEquals(
          asserted.size(), ReplicaClient.asserted(r.store().dataset()).size(), "asserted size");
      assertTrue(
          ReplicaClient.asserted(r.store().dataset())
              .find()
              .toSet()
              .equals(asserted.find().toSet()),
          "the replica's asserted statements are the primary's, the same blank nodes included");
      DatasetGraph mine = ReplicaClient.copy(primaryStore);
      DatasetGraph theirs = ReplicaClient.copy(r.store().dataset());
      assertEquals(
          Iter.toSet(mine.listGraphNodes()), Iter.toSet(theirs.listGraphNodes()), "the graphs");
      assertTrue(
          mine.getDefaultGraph().isIsomorphicWith(theirs.getDefaultGraph()),
          "the served graph, entailment included, is isomorphic to the primary's");
      mine.listGraphNodes()
          .forEachRemaining(
              g ->
                  assertTrue(
                      mine.getGraph(g).isIsomorphicWith(theirs.getGraph(g)),
                      "the replica's graph " + g + " is isomorphic to the primary's"));
    }
  }

  @Test
  @Order(1)
  void scriptedWritesLeaveEveryReplicaIsomorphicToThePrimary() throws Exception {
    assertSucceeded(update(base, "INSERT DATA { dgr:rcep skos:editorialNote \"replicated\"@en }"));
    assertEquals(
        422,
        update(base, "INSERT DATA { dgr:rcep dgov:hasParty dgr:connectivity }").statusCode(),
        "an invalid write is refused, and never reaches the topic");
    String entry = Files.readString(Path.of("src/test/resources/shapes/agreement-valid.ttl"));
    assertSucceeded(ReplicaClient.post(base, "/dgov/data?default", "text/turtle", entry));
    // writes to the curated files' blank nodes (the evidence), by the labels the primary has
    assertSucceeded(
        update(
            base,
            "INSERT { ?e skos:editorialNote \"checked\"@en } WHERE { dgr:rcep dgov:evidence ?e }"));
    assertSucceeded(
        update(
            base,
            "DELETE { ?e skos:editorialNote \"checked\"@en } INSERT { ?e skos:editorialNote"
                + " \"checked again\"@en } WHERE { ?e skos:editorialNote \"checked\"@en }"));
    assertSucceeded(
        update(
            base,
            "DELETE { ?e ?q ?v } WHERE { dgr:test-agreement dgov:evidence ?e . ?e ?q ?v } ;"
                + " DELETE WHERE { dgr:test-agreement ?p ?o }",
            "Dgov-Delete-Entry",
            "<https://w3id.org/dgov/id/test-agreement>"));
    assertConverged();
    assertEquals(
        LongStream.rangeClosed(1, version(primaryStore)).boxed().toList(),
        EmbeddedKafka.versions(topic),
        "every accepted write once in the topic, in order; the refused one not at all");
    String answer = query(url(first), "ASK { ?e skos:editorialNote \"checked again\"@en }").body();
    assertTrue(answer.contains("true"), answer);
  }

  @Test
  @Order(2)
  void aReplicaRefusesWritesNamingThePrimaryAndReportsItsVersion() throws Exception {
    var refused = update(url(first), "INSERT DATA { dgr:rcep skos:editorialNote \"no\"@en }");
    assertEquals(405, refused.statusCode());
    assertTrue(refused.body().contains("read replica of " + topic), refused.body());
    assertTrue(refused.body().contains(base + "/dgov"), "names the primary: " + refused.body());
    JsonObject status = JSON.parse(ReplicaClient.get(url(first), "/dgov/status").body());
    assertEquals(version(primaryStore), status.get("version").getAsNumber().value().longValue());
    assertTrue(status.get("caughtUp").getAsBoolean().value());
    assertTrue(status.get("applying").getAsBoolean().value());
  }

  @Test
  @Order(3)
  void readersNeverSeeHalfAPatch() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> seen = new ArrayList<>();
    for (Replica r : List.of(first, second)) {
      seen.add(
          readers.submit(
              () -> {
                int odd = 0;
                while (writing.get()) {
                  String json =
                      query(
                              url(r),
                              "SELECT (COUNT(?n) AS ?c) WHERE { dgr:rcep skos:editorialNote ?n"
                                  + " FILTER(STRSTARTS(STR(?n), \"pair \")) }")
                          .body();
                  long count =
                      Long.parseLong(
                          JSON.parse(json)
                              .get("results")
                              .getAsObject()
                              .get("bindings")
                              .getAsArray()
                              .get(0)
                              .getAsObject()
                              .get("c")
                              .getAsObject()
                              .get("value")
                              .getAsString()
                              .value());
                  if (count % 2 != 0) {
                    odd++;
                  }
                }
                return odd;
              }));
    }
    for (int i = 0; i < 20; i++) {
      assertSucceeded(
          update(
              base,
              "INSERT DATA { dgr:rcep skos:editorialNote \"pair "
                  + i
                  + " a\"@en, \"pair "
                  + i
                  + " b\"@en }"));
    }
    assertConverged();
    writing.set(false);
    for (Future<Integer> f : seen) {
      assertEquals(0, f.get(), "a reader saw one statement of a two-statement patch");
    }
    readers.shutdown();
  }

  @Test
  @Order(4)
  void aReplicaStoppedMidStreamResumesFromItsStore() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertSucceeded(
          update(base, "INSERT DATA { dgr:rcep skos:editorialNote \"r" + i + "\"@en }"));
    }
    first.close();
    long kept = version(first.store().dataset());
    for (int i = 5; i < 10; i++) {
      assertSucceeded(
          update(base, "INSERT DATA { dgr:rcep skos:editorialNote \"r" + i + "\"@en }"));
    }
    first = replica(dir.resolve("first"));
    assertTrue(first.version() >= kept, "the restarted replica starts from the version it had");
    assertTrue(first.awaitCaughtUp(2, TimeUnit.MINUTES));
    assertConverged();
  }

  @Test
  @Order(5)
  void theBrokerStoppedUnderWritesLosesNone() throws Exception {
    kafka.stopBroker();
    for (int i = 0; i < 5; i++) {
      assertSucceeded(
          update(base, "INSERT DATA { dgr:rcep skos:editorialNote \"offline " + i + "\"@en }"));
    }
    kafka.startBroker();
    assertConverged();
    assertEquals(
        LongStream.rangeClosed(1, version(primaryStore)).boxed().toList(),
        EmbeddedKafka.versions(topic));
  }
}
