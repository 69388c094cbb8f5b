package org.dgov.replica;

import static org.dgov.HttpStatus.assertSucceeded;
import static org.dgov.replica.ReplicaClient.await;
import static org.dgov.replica.ReplicaClient.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dgov.TestProjects;
import org.dgov.graph.History;
import org.dgov.graph.Project;
import org.dgov.server.DgovServer;
import org.dgov.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two primaries made from the same files, at the same version, on one topic: their version N are
 * different writes. The second one's relay refuses the topic the first publishes to, and a replica
 * stops at a record from another store than the one it follows, never skipping it as applied.
 */
class TwoPrimariesIT {

  @TempDir static Path dir;
  private static EmbeddedKafka kafka;
  private static Project project;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start();
    project = TestProjects.copy(dir.resolve("repo"));
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  private static Primary primary(String name, KafkaTopic publish) throws Exception {
    return Primary.start(
        project,
        new DgovServer.Options(
            0,
            true,
            new DgovServer.Writes(dir.resolve(name), Users.read(TestProjects.usersFile(dir))),
            false),
        publish);
  }

  private static String url(Primary p) {
    return "http://localhost:" + p.server().getHttpPort();
  }

  private static void write(Primary p, String note) throws Exception {
    assertSucceeded(
        update(url(p), "INSERT DATA { dgr:rcep skos:editorialNote \"" + note + "\"@en }"));
  }

  @Test
  void aSecondPrimaryAtTheSameVersionIsRefusedTheTopicOfTheFirst() throws Exception {
    KafkaTopic topic = kafka.topic("shared");
    try (Primary first = primary("first", topic)) {
      write(first, "first 1");
      await("version 1 in the topic", () -> first.relay().published() == 1);
      try (Primary unpublished = primary("second", null)) {
        write(unpublished, "second 1");
      }
      try (Primary second = primary("second", topic)) {
        await("the second relay's answer", () -> second.relay().refused() != null);
        assertTrue(
            second.relay().refused().contains("another primary publishes there"),
            second.relay().refused());
        write(second, "second 2");
        write(first, "first 2");
        await("version 2 in the topic", () -> first.relay().published() == 2);
        assertEquals(List.of(1L, 2L), EmbeddedKafka.versions(topic));
        assertNull(first.relay().refused());
      }
    }
  }

  @Test
  void aReplicaStopsAtAVersionItHasAppliedWhenAnotherStoreSentIt() throws Exception {
    KafkaTopic topic = kafka.topic("mixed");
    EmbeddedKafka.send(
        topic, List.of(record(1, "store-a"), record(2, "store-a"), record(2, "store-b")));
    try (Replica replica =
        Replica.start(project, topic, null, new DgovServer.ServerPlace(0, true), false)) {
      await("the replica stopped", () -> replica.stopped() != null);
      assertEquals(2, replica.version(), "it applied the versions of the store it follows");
      assertTrue(replica.stopped().contains("offset 2 of mixed"), replica.stopped());
      assertTrue(replica.stopped().contains("from the store store-b"), replica.stopped());
      assertTrue(replica.stopped().contains("two primaries publish there"), replica.stopped());
    }
  }

  private static PatchRecord record(long version, String store) {
    String patch =
        "TX .\nA <https://w3id.org/dgov/id/rcep> <http://www.w3.org/2004/02/skos/core#editorialNote>"
            + " \""
            + store
            + " "
            + version
            + "\"@en .\nTC .\n";
    History.Entry entry =
        new History.Entry(version, "alice", Instant.now(), "", List.of(), List.of(), 0, patch);
    return new PatchRecord(entry, BaseFiles.key(project), store, "http://localhost/" + store);
  }
}
