package org.dgov.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A KRaft Kafka cluster in this JVM, with Kafka's own test kit: one controller, one broker, on
 * loopback ports the kit picks; its broker can be stopped and started again.
 */
final class EmbeddedKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  static EmbeddedKafka start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(false)
                    .setNumControllerNodes(1)
                    .setNumBrokerNodes(1)
                    .build())
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return new EmbeddedKafka(cluster);
  }

  /** The topic {@code name} on this cluster, as {@code serve} is given it. */
  KafkaTopic topic(String name) {
    return KafkaTopic.parse(
        "kafka://" + cluster.bootstrapServers() + "/" + name, "test", List.of());
  }

  /**
   * Makes {@code topic} (one partition) and sends it {@code records} with a plain producer, as
   * written by hand rather than by a relay: for topics a test or benchmark lays out itself.
   */
  static void send(KafkaTopic topic, Iterable<PatchRecord> records) throws Exception {
    try (Admin admin = Admin.create(topic.properties(Map.of()))) {
      admin.createTopics(List.of(new NewTopic(topic.topic(), 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            topic.properties(
                Map.of(
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName())))) {
      records.forEach(r -> producer.send(r.toRecord(topic.topic())));
    }
  }

  void stopBroker() {
    cluster.brokers().values().forEach(b -> b.shutdown());
  }

  void startBroker() throws Exception {
    cluster.brokers().values().forEach(b -> b.startup());
    cluster.waitForReadyBrokers();
  }

  /** The versions of every committed record of {@code topic}, in topic order. */
  static List<Long> versions(KafkaTopic topic) {
    List<Long> versions = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = TopicLog.consumer(topic)) {
      TopicPartition p = TopicLog.partition(topic);
      long end = consumer.endOffsets(List.of(p), Duration.ofSeconds(30)).get(p);
      consumer.seekToBeginning(List.of(p));
      while (consumer.position(p) < end) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1)).records(p)) {
          versions.add(PatchRecord.version(r));
        }
      }
    }
    return versions;
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
