package org.dgov.replica;

import static org.dgov.HttpStatus.assertSucceeded;
import static org.dgov.replica.ReplicaClient.await;
import static org.dgov.replica.ReplicaClient.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.LongStream;
import org.apache.jena.atlas.json.JSON;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.dgov.graph.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes, with the primary and a replica in child JVMs killed as SIGKILL does (no shutdown hook
 * runs) and an embedded KRaft broker in this one: writes acknowledged but never published (Kafka
 * unreachable), then writes killed while the relay publishes them, are all in the topic after
 * restarts, each once and in order; a replica killed and started again on its store resumes and
 * reaches the primary's version.
 */
class CrashIT {

  @TempDir static Path dir;
  private static EmbeddedKafka kafka;
  private static Project project;
  private static Path users;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start();
    project = TestProjects.copy(dir.resolve("repo"));
    users = TestProjects.usersFile(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  private static ServerProcess primary(String publish, String log) throws Exception {
    return ServerProcess.start(
        project.root(),
        dir.resolve(log),
        "--writable",
        "--db",
        dir.resolve("primary").toString(),
        "--users",
        users.toString(),
        "--publish",
        publish);
  }

  private static void write(ServerProcess server, int n) throws Exception {
    assertSucceeded(
        update(
            server.base(), "INSERT DATA { dgr:rcep skos:editorialNote \"crash " + n + "\"@en }"));
  }

  @Test
  void everyAcknowledgedWriteReachesTheTopicOnceAcrossKillsAndAReplicaResumes() throws Exception {
    KafkaTopic topic = kafka.topic("dgov-crash");
    // committed, acknowledged, never published: nothing listens on port 1
    try (ServerProcess cut = primary("kafka://127.0.0.1:1/dgov-crash", "cut.log")) {
      for (int i = 1; i <= 5; i++) {
        write(cut, i);
      }
    } // kill -9
    try (ServerProcess relaying = primary(topic.toString(), "relaying.log")) {
      await("the unpublished writes in the topic", () -> EmbeddedKafka.versions(topic).size() >= 5);
      for (int i = 6; i <= 15; i++) {
        write(relaying, i);
      }
    } // kill -9 right after the last acknowledgement, the relay in mid-stream
    try (ServerProcess restarted = primary(topic.toString(), "restarted.log")) {
      await("all 15 writes in the topic", () -> EmbeddedKafka.versions(topic).size() >= 15);
      assertEquals(
          LongStream.rangeClosed(1, 15).boxed().toList(),
          EmbeddedKafka.versions(topic),
          "every acknowledged write once, in order");
      Path store = dir.resolve("replica");
      String[] replica = {"--replica-of", topic.toString(), "--db", store.toString()};
      try (ServerProcess first =
          ServerProcess.start(project.root(), dir.resolve("r1.log"), replica)) {
        await("the replica applying", () -> version(first) > 0);
      } // kill -9 mid-stream or just after
      write(restarted, 16);
      try (ServerProcess again =
          ServerProcess.start(project.root(), dir.resolve("r2.log"), replica)) {
        await("the restarted replica at the primary's version", () -> version(again) == 16);
      }
    }
  }

  /** The version a replica reports at {@code /dgov/status}; -1 while it does not answer. */
  private static long version(ServerProcess replica) {
    try {
      return JSON.parse(ReplicaClient.get(replica.base(), "/dgov/status").body())
          .get("version")
          .getAsNumber()
          .value()
          .longValue();
    } catch (Exception e) {
      return -1;
    }
  }
}
