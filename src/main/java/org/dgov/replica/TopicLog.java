package org.dgov.replica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reading the change log: a consumer of the topic's one partition that sees committed records only
 * ({@code isolation.level=read_committed}: a relay's transaction aborted by a crash is never read),
 * with no consumer group (each reader knows from its store where it stands). A fetch returns as
 * soon as one record is there ({@code fetch.min.bytes=1}) and an empty one after 100 ms at most
 * ({@code fetch.max.wait.ms}, 500 by Kafka's default), which bounds how long a fetch can sit on
 * records whose transaction commits while it waits; both can be set with {@code --kafka-property},
 * like any client setting.
 */
final class TopicLog {

  private TopicLog() {}

  static KafkaConsumer<String, byte[]> consumer(KafkaTopic topic) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings(topic));
    consumer.assign(List.of(partition(topic)));
    return consumer;
  }

  /** The consumer's settings: this reader's own, then those passed through for {@code topic}. */
  static Properties settings(KafkaTopic topic) {
    return topic.properties(
        Map.of(
            "isolation.level",
            "read_committed",
            "enable.auto.commit",
            "false",
            "auto.offset.reset",
            "earliest",
            "fetch.min.bytes",
            "1",
            "fetch.max.wait.ms",
            "100",
            "key.deserializer",
            StringDeserializer.class.getName(),
            "value.deserializer",
            ByteArrayDeserializer.class.getName()));
  }

  static TopicPartition partition(KafkaTopic topic) {
    return new TopicPartition(topic.topic(), 0);
  }

  /**
   * The last committed record of the topic, or null when it has none: read backwards from the end
   * in growing steps (transaction markers take offsets too, so the last offset need not be a
   * record).
   */
  static ConsumerRecord<String, byte[]> last(KafkaTopic topic, Duration timeout) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
      TopicPartition p = partition(topic);
      long end = consumer.endOffsets(List.of(p), timeout).get(p);
      long begin = consumer.beginningOffsets(List.of(p), timeout).get(p);
      for (long back = 8; ; back *= 8) {
        long from = Math.max(begin, end - back);
        consumer.seek(p, from);
        ConsumerRecord<String, byte[]> last = null;
        while (consumer.position(p, timeout) < end) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout).records(p)) {
            if (r.offset() < end) {
              last = r;
            }
          }
        }
        if (last != null || from == begin) {
          return last;
        }
      }
    }
  }
}
