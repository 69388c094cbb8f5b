package org.dgov.replica;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.text.TextIndex;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.FullText;
import org.dgov.graph.Project;
import org.dgov.graph.SyntaxError;
import org.dgov.server.DgovServer;
import org.dgov.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read replica: a TDB2 store made from the curated files (or the replica's own store from an
 * earlier run), kept up to date from the primary's change log in Kafka ({@link Follower}), served
 * read-only with everything the read-only server serves, plus {@code /dgov/status}.
 */
public final class Replica implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");

  private final FusekiServer server;
  private final Follower follower;
  private final Store store;

  private Replica(FusekiServer server, Follower follower, Store store) {
    this.server = server;
    this.follower = follower;
    this.store = store;
  }

  /**
   * Starts a replica of {@code topic} on the files of {@code project}, keeping its store in {@code
   * db} (null: a new temporary folder, replayed from the first version); with {@code waitForHead},
   * it answers 503 to all but {@code /dgov/status} until it has applied the topic's head as it
   * stood at start.
   */
  public static Replica start(
      Project project, KafkaTopic topic, Path db, DgovServer.ServerPlace place, boolean waitForHead)
      throws IOException, SyntaxError {
    CuratedGraph curated = CuratedGraph.loadForServing(project);
    String base = BaseFiles.key(project);
    Path dir = db != null ? db : Files.createTempDirectory("dgov-replica");
    boolean fresh = Store.isNew(dir);
    Store store = Store.open(dir, curated);
    if (fresh) {
      BaseFiles.remember(dir, base);
    } else if (BaseFiles.of(dir).filter(base::equals).isEmpty()) {
      throw new IllegalStateException(
          "the store "
              + dir
              + " was made from other files than "
              + project.root()
              + " holds now: a replica's store must be made from the primary's files; give"
              + " --db an empty folder");
    }
    TextIndex index = FullText.declared(project.fusekiConfig());
    Store indexed = store.through(dataset -> FullText.following(dataset, index));
    Applier applier = new Applier(indexed);
    Follower follower = new Follower(topic, applier, base);
    FusekiServer server =
        DgovServer.replica(
            project,
            curated,
            indexed,
            index,
            place,
            applier::version,
            builder ->
                builder
                    .addFilter("/*", ReplicaEndpoints.guard(topic, follower::status, waitForHead))
                    .addServlet(
                        ReplicaEndpoints.STATUS, ReplicaEndpoints.status(topic, follower::status)));
    follower.start();
    server.start();
    LOG.info(
        "ready at http://localhost:{}/dgov/sparql (replica of {}, store {}, version {}), {} ms from"
            + " start to ready",
        server.getHttpPort(),
        topic,
        dir,
        applier.version(),
        ManagementFactory.getRuntimeMXBean().getUptime());
    return new Replica(server, follower, indexed);
  }

  public FusekiServer server() {
    return server;
  }

  /** The store the replica serves and applies patches to. */
  public Store store() {
    return store;
  }

  /** The version of the last patch applied. */
  public long version() {
    return follower.status().version();
  }

  /** Why the replica stopped applying patches; null while it applies them. */
  public String stopped() {
    return follower.status().stopped();
  }

  /** Waits until the replica has caught up to the topic's head as it stood at start. */
  public boolean awaitCaughtUp(long timeout, TimeUnit unit) throws InterruptedException {
    return follower.awaitCaughtUp(timeout, unit);
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
    server.stop();
  }
}
