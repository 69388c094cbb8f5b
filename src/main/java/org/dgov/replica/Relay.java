package org.dgov.replica;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
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
 *
 * <p>The store's transaction coordinator wakes the relay as each write transaction completes, so a
 * write is on its way to Kafka as soon as it is visible (the relay still looks every 50 ms on its
 * own). A topic whose last record is from another store ({@link StoreId}), or ahead of this one, is
 * refused for good: another primary publishes there (or this store is an older copy of the one that
 * did), and any version this store writes would collide with one in the topic. The relay then stops
 * with the reason in {@link #refused()}; the primary keeps committing, unpublished.
 */
public final class Relay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");
  private static final int BATCH = 500;
  private static final Duration IDLE = Duration.ofMillis(50);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration CLOSE = Duration.ofSeconds(30);

  private final DatasetGraph dataset;
  private final KafkaTopic topic;
  private final String base;
  private final String store;
  private final String primary;
  private final Thread thread;
  private final Semaphore committed = new Semaphore(0);
  private final TransactionListener wake =
      new TransactionListener() {
        @Override
        public void notifyCompleteFinish(Transaction transaction) {
          if (transaction.isWriteTxn()) {
            committed.release();
          }
        }
      };
  private volatile boolean closed;
  private volatile long published = -1;
  private volatile String refused;

  private Relay(DatasetGraph dataset, KafkaTopic topic, String base, String store, String primary) {
    this.dataset = dataset;
    this.topic = topic;
    this.base = base;
    this.store = store;
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
        new Relay(
            TDB2Factory.connectDataset(db.toString()).asDatasetGraph(),
            topic,
            base,
            StoreId.of(db),
            primary);
    TransactionCoordinator coordinator = relay.coordinator();
    // a started coordinator takes listeners only in exclusive mode, between transactions
    coordinator.modifyConfig(() -> coordinator.addListener(relay.wake));
    relay.thread.start();
    return relay;
  }

  /** The last version the relay knows to be in the topic; -1 before it has asked. */
  public long published() {
    return published;
  }

  /** Why the relay refused the topic and stopped; null while it publishes there. */
  public String refused() {
    return refused;
  }

  private TransactionCoordinator coordinator() {
    return TDBInternal.getDatasetGraphTDB(dataset).getTxnSystem().getTxnMgr();
  }

  private long version() {
    return Txn.calculateRead(dataset, () -> History.version(History.in(dataset)));
  }

  private void run() {
    while (!closed) {
      try (KafkaProducer<String, byte[]> producer = producer()) {
        createTopic();
        // asked before the producer fences the transactions of another primary's relay, too
        lastInTopic();
        producer.initTransactions();
        long inTopic = lastInTopic();
        published = inTopic;
        LOG.info("relay to {}: the topic holds versions up to {}", topic, inTopic);
        while (!closed) {
          committed.drainPermits();
          if (version() <= published) {
            committed.tryAcquire(IDLE.toMillis(), TimeUnit.MILLISECONDS);
            continue;
          }
          List<History.Entry> batch =
              Txn.calculateRead(
                  dataset, () -> History.since(History.in(dataset), published, BATCH));
          producer.beginTransaction();
          for (History.Entry e : batch) {
            producer.send(new PatchRecord(e, base, store, primary).toRecord(topic.topic()));
          }
          producer.commitTransaction();
          published = batch.get(batch.size() - 1).version();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Refused | PatchRecord.BadRecord e) {
        refused = e.getMessage();
        LOG.error("relay to {}: stopped, publishing nothing: {}", topic, refused);
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

  /**
   * The last version in the topic; refuses a topic whose last record is from another store, from
   * other files, or ahead of this store.
   */
  private long lastInTopic() {
    ConsumerRecord<String, byte[]> last = TopicLog.last(topic, Duration.ofSeconds(30));
    if (last == null) {
      return 0;
    }
    PatchRecord record = PatchRecord.from(last);
    long version = record.entry().version();
    if (!record.store().equals(store) || !record.base().equals(base)) {
      throw new Refused(
          topic
              + " ends with version "
              + version
              + " from the store "
              + record.store()
              + (record.base().equals(base) ? "" : ", made from other files,")
              + " (the primary at "
              + record.primary()
              + "), not from this store "
              + store
              + ": another primary publishes there; give this one a topic of its own");
    }
    if (version > version()) {
      throw new Refused(
          topic
              + " holds version "
              + version
              + " of this store, which is at version "
              + version()
              + ": the store is an older copy of the one that published them; publish from that"
              + " one, or give this one a topic of its own");
    }
    return version;
  }

  /** A topic this relay may not publish to, whatever Kafka does next. */
  private static final class Refused extends IllegalStateException {
    Refused(String why) {
      super(why);
    }
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
    TransactionCoordinator coordinator = coordinator();
    coordinator.modifyConfig(() -> coordinator.removeListener(wake));
    thread.join(CLOSE.toMillis());
  }
}
