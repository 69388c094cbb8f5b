package org.dgov.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's consumer of the change log: reads the topic from the start, skips by version what the
 * store holds already, and applies the rest in order ({@link Applier}). It knows the head of the
 * topic as it stood when it started, and says when it has caught up to it. A record it cannot apply
 * (malformed, from a store made of other files, versions missing) stops it there, with the reason
 * in its {@link #status}: the replica keeps serving the last version it applied and never skips a
 * patch silently. It follows the primary's store whose record comes first in the topic ({@link
 * StoreId}), and stops in the same way at any record from another store, applied versions or not:
 * two primaries publish to the topic, and their version N are different writes. Kafka being
 * unreachable only delays it: the consumer retries.
 */
final class Follower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");
  private static final Duration POLL = Duration.ofMillis(100);

  /** Where a replica stands, for {@code /dgov/status}. */
  record Status(
      long version, long behind, boolean caughtUp, String primary, String stopped, long applied) {}

  private final KafkaTopic topic;
  private final Applier applier;
  private final String base;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile long version;
  private volatile long behind = -1;
  private volatile String primary = "";
  private String following;
  private volatile String stopped;
  private volatile long applied;
  private volatile KafkaConsumer<String, byte[]> consumer;

  Follower(KafkaTopic topic, Applier applier, String base) {
    this.topic = topic;
    this.applier = applier;
    this.base = base;
    this.version = applier.version();
    this.thread = new Thread(this::run, "dgov-replica");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  Status status() {
    return new Status(version, behind, caughtUp.getCount() == 0, primary, stopped, applied);
  }

  /** Waits until the replica has applied the topic's head as it stood at start. */
  boolean awaitCaughtUp(long timeout, TimeUnit unit) throws InterruptedException {
    return caughtUp.await(timeout, unit);
  }

  private void run() {
    try (KafkaConsumer<String, byte[]> consumer = TopicLog.consumer(topic)) {
      this.consumer = consumer;
      TopicPartition p = TopicLog.partition(topic);
      long head = head(consumer, p);
      LOG.info("replica of {}: at version {}, the topic's head is offset {}", topic, version, head);
      consumer.seekToBeginning(List.of(p));
      while (!closed) {
        List<PatchRecord> batch = new ArrayList<>();
        RuntimeException bad = null;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL).records(p)) {
          try {
            PatchRecord record = checked(r);
            if (record != null) {
              batch.add(record);
            }
          } catch (RuntimeException e) {
            bad = e;
            break;
          }
        }
        if (!batch.isEmpty()) {
          // one transaction per poll: what it returned (up to a bad record) applies whole or not
          applied += applier.apply(batch);
          PatchRecord last = batch.get(batch.size() - 1);
          primary = last.primary();
          version = last.entry().version();
        }
        if (bad != null) {
          throw bad; // after applying the records before it: the replica stops right there
        }
        behind = consumer.currentLag(p).orElse(behind);
        if (consumer.position(p) >= head) {
          caughtUp.countDown();
        }
      }
    } catch (KafkaException e) {
      if (!closed) {
        stop(e);
      }
    } catch (RuntimeException e) {
      stop(e);
    }
  }

  /**
   * {@code r} read and checked, or null when its version is applied already; throws when it is
   * malformed, from another store than the one followed, or made from other files.
   */
  private PatchRecord checked(ConsumerRecord<String, byte[]> r) {
    PatchRecord record = PatchRecord.from(r);
    if (following == null) {
      following = record.store();
    } else if (!record.store().equals(following)) {
      throw new PatchRecord.BadRecord(
          r,
          "it is version "
              + record.entry().version()
              + " from the store "
              + record.store()
              + " (the primary at "
              + record.primary()
              + "), and this replica follows the store "
              + following
              + ", whose record is first in the topic: two primaries publish there; give each"
              + " a topic of its own, and start this replica again on its primary's");
    }
    if (record.entry().version() <= version) {
      return null;
    }
    if (!record.base().equals(base)) {
      throw new IllegalStateException(
          "the primary's store was made from other files than this replica's (key "
              + record.base()
              + ", here "
              + base
              + "): run the replica on the primary's ontology, data and rules");
    }
    return record;
  }

  /** The end of the topic now, asked until Kafka answers. */
  private long head(KafkaConsumer<String, byte[]> consumer, TopicPartition p) {
    while (!closed) {
      try {
        return consumer.endOffsets(List.of(p), Duration.ofSeconds(10)).get(p);
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        LOG.warn("replica of {}: Kafka does not answer yet; asking again", topic);
      }
    }
    return 0;
  }

  private void stop(RuntimeException e) {
    stopped = e.getMessage();
    LOG.error("replica of {}: stopped applying at version {}: {}", topic, version, stopped);
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup(); // not an interrupt: that would close the store's file channels mid-write
    }
    thread.join();
  }
}
