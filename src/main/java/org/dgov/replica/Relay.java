package org.dgov.replica;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dgov.graph.History;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's relay of its transactional outbox: the history holds each accepted write's patch,
 * committed in the same TDB2 transaction as the data, and the relay sends every version not yet in
 * the topic, in order, with Kafka's transactional producer (idempotent, one transaction per batch).
 * On start, and after any Kafka failure, it asks the topic for the last version it holds (committed
 * records only; a transaction a crash left open is aborted when the producer starts, as Kafka
 * fences its predecessor) and resumes after it: no committed write goes missing, none is sent twice
 * with effect. While Kafka is down the primary keeps committing; the relay retries and catches up.
 */
public final class Relay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");
  private static final int BATCH = 500;
  private static final Duration IDLE = Duration.ofMillis(5);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration CLOSE = Duration.ofSeconds(30);

  private final DatasetGraph dataset;
  private final KafkaTopic topic;
  private final String base;
  private final String primary;
  private final Thread thread;
  private volatile boolean closed;
  private volatile long published = -1;

  private Relay(DatasetGraph dataset, KafkaTopic topic, String base, String primary) {
    this.dataset = dataset;
    this.topic = topic;
    this.base = base;
    this.primary = primary;
    this.thread = new Thread(this::run, "dgov-relay");
    thread.setDaemon(true);
  }

  /**
   * Starts relaying the history of the store in {@code db} to {@code topic}; {@code primary} is the
   * URL the replicas name when they refuse a write. The store must know the files it was made from
   * ({@link BaseFiles}).
   */
  public static Relay start(Path db, KafkaTopic topic, String primary) throws IOException {
    String base =
        BaseFiles.of(db)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the store "
                            + db
                            + " does not say which files it was made from ("
                            + BaseFiles.FILE
                            + " is missing: it was made by an older build), so no replica could"
                            + " follow it; publish from a new store (--db on an empty folder)"));
    Relay relay =
        new Relay(TDB2Factory.connectDataset(db.toString()).asDatasetGraph(), topic, base, primary);
    relay.thread.start();
    return relay;
  }

  /** The last version the relay knows to be in the topic; -1 before it has asked. */
  public long published() {
    return published;
  }

  private long version() {
    return Txn.calculateRead(dataset, () -> History.version(History.in(dataset)));
  }

  private void run() {
    while (!closed) {
      try (KafkaProducer<String, byte[]> producer = producer()) {
        createTopic();
        producer.initTransactions();
        long inTopic = lastInTopic();
        published = inTopic;
        LOG.info("relay to {}: the topic holds versions up to {}", topic, inTopic);
        while (!closed) {
          if (version() <= published) {
            Thread.sleep(IDLE.toMillis());
            continue;
          }
          List<History.Entry> batch =
              Txn.calculateRead(
                  dataset, () -> History.since(History.in(dataset), published, BATCH));
          producer.beginTransaction();
          for (History.Entry e : batch) {
            producer.send(new PatchRecord(e, base, primary).toRecord(topic.topic()));
          }
          producer.commitTransaction();
          published = batch.get(batch.size() - 1).version();
        }
      } catch (InterruptedException e) {
        return;
      } catch (KafkaException | ExecutionException | IllegalStateException e) {
        if (closed) {
          return;
        }
        LOG.warn("relay to {}: {}; retrying in {} s", topic, e.getMessage(), RETRY.toSeconds());
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** The last version in the topic; refuses a topic ahead of the store or from other files. */
  private long lastInTopic() {
    ConsumerRecord<String, byte[]> last = TopicLog.last(topic, Duration.ofSeconds(30));
    if (last == null) {
      return 0;
    }
    PatchRecord record = PatchRecord.from(last);
    long version = record.entry().version();
    if (!record.base().equals(base) || version > version()) {
      throw new IllegalStateException(
          topic
              + " holds version "
              + version
              + " of a store made from "
              + (record.base().equals(base) ? "the same files" : "other files")
              + ", and this store is at version "
              + version()
              + ": another primary publishes there; give this one a topic of its own");
    }
    return version;
  }

  private void createTopic() throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(topic.properties(Map.of()))) {
      NewTopic log =
          new NewTopic(topic.topic(), java.util.Optional.of(1), java.util.Optional.empty())
              .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
      admin.createTopics(List.of(log)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        topic.properties(
            Map.of(
                "transactional.id",
                "dgov-relay-" + topic.topic(),
                "enable.idempotence",
                "true",
                "acks",
                "all",
                "key.serializer",
                StringSerializer.class.getName(),
                "value.serializer",
                ByteArraySerializer.class.getName())));
  }

  @Override
  public void close() throws InterruptedException {
    // no interrupt: that would close the store's file channels under a read
    closed = true;
    thread.join(CLOSE.toMillis());
  }
}
