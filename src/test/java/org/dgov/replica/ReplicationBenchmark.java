package org.dgov.replica;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.dgov.ServerProcess;
import org.dgov.TestProjects;
import org.dgov.graph.History;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.server.DgovServer;
import org.dgov.store.Users;

/**
 * Replication numbers for {@code bench/replicas.sh} (not a test): an embedded KRaft broker and the
 * primary in this JVM, replicas in child JVMs. Prints Markdown: lag from commit (the time the
 * primary's history records) to visible on a replica ({@code /dgov/status}, polled every 5 ms) at
 * offered write rates; the catch-up rate of a fresh replica over a topic of 10,000 patches, half
 * new forums (entailment to update), half editorial notes (none), written here with a producer in
 * the primary's record format; alone with a third argument {@code catch-up}); read throughput of
 * one and two replicas behind a round-robin client on the named queries; each replica's RSS. With
 * the arguments {@code lag RATE SECONDS} after the first two, it measures the lag at that one rate
 * only, with both replicas following (to try a change of the lag's path without the whole run).
 */
public final class ReplicationBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int readSeconds = Integer.parseInt(args[1]);
    Project project = TestProjects.copy(dir.resolve("repo"));
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      if (args.length > 2 && args[2].equals("catch-up")) {
        catchUp(project, dir, kafka);
        return;
      }
      KafkaTopic topic = kafka.topic("dgov-bench");
      Path db = dir.resolve("primary");
      try (Primary primary =
          Primary.start(
              project,
              new DgovServer.Options(
                  0,
                  true,
                  new DgovServer.Writes(db, Users.read(TestProjects.usersFile(dir))),
                  false),
              topic)) {
        String base = "http://localhost:" + primary.server().getHttpPort();
        DatasetGraph store = ReplicaClient.store(db);
        try (ServerProcess one = replica(project, dir, topic, "one");
            ServerProcess two = replica(project, dir, topic, "two")) {
          System.out.println(
              "| offered writes/s | writes | achieved writes/s | lag p50 | lag p99 | max |"
                  + " of it, commit to sent p50 | p99 |");
          System.out.println("|---|---|---|---|---|---|---|---|");
          if (args.length > 4 && args[2].equals("lag")) {
            lag(base, store, topic, one, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
          }
          for (int[] run : new int[][] {{1, 20}, {10, 20}, {50, 10}}) {
            lag(base, store, topic, one, run[0], run[1]);
          }
          System.out.println();
          List<String> queries =
              NamedQuery.all(project.queriesDir()).stream().map(NamedQuery::text).toList();
          double single = reads(List.of(one.base()), queries, readSeconds);
          double both = reads(List.of(one.base(), two.base()), queries, readSeconds);
          System.out.printf(
              "Read throughput on the %d named queries, 4 client threads, %d s each, round-robin:"
                  + " 1 replica %.1f queries/s, 2 replicas %.1f queries/s.%n",
              queries.size(), readSeconds, single, both);
          System.out.printf(
              "Resident memory after the reads: replica one %d MB, replica two %d MB.%n%n",
              rss(one), rss(two));
        }
        catchUp(project, dir, kafka);
      }
    }
  }

  private static ServerProcess replica(Project project, Path dir, KafkaTopic topic, String name)
      throws Exception {
    return ServerProcess.start(
        project.root(),
        dir.resolve(name + ".log"),
        "--replica-of",
        topic.toString(),
        "--db",
        dir.resolve(name).toString());
  }

  /**
   * Offers {@code rate} writes/s for {@code seconds}; prints the lag percentiles, and those of its
   * first leg: from commit to the relay's send (the records' create time in {@code topic}).
   */
  private static void lag(
      String base,
      DatasetGraph store,
      KafkaTopic topic,
      ServerProcess replica,
      int rate,
      int seconds)
      throws Exception {
    long first = ReplicaClient.version(store) + 1;
    Map<Long, Long> visible = new ConcurrentHashMap<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher =
        new Thread(
            () -> {
              long seen = first - 1;
              while (watching.get()) {
                long v = status(replica);
                long now = System.currentTimeMillis();
                for (long k = seen + 1; k <= v; k++) {
                  visible.putIfAbsent(k, now);
                }
                seen = Math.max(seen, v);
                sleep(5);
              }
            });
    watcher.start();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    int total = rate * seconds;
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int n = i;
      writers.submit(
          () -> {
            ReplicaClient.update(
                base,
                "INSERT DATA { dgr:rcep skos:editorialNote \"bench " + rate + " " + n + "\"@en }");
            done.incrementAndGet();
            return null;
          });
    }
    writers.shutdown();
    writers.awaitTermination(10, TimeUnit.MINUTES);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long last = ReplicaClient.version(store);
    while (!visible.containsKey(last)) {
      sleep(5);
    }
    watching.set(false);
    watcher.join();
    Map<Long, Long> sent = sent(topic);
    List<Long> lags = new ArrayList<>();
    List<Long> relayed = new ArrayList<>();
    Txn.executeRead(
        store,
        () -> {
          for (long v = first; v <= last; v++) {
            Instant committed = History.entry(History.in(store), v).orElseThrow().time();
            lags.add(visible.get(v) - committed.toEpochMilli());
            relayed.add(sent.get(v) - committed.toEpochMilli());
          }
        });
    lags.sort(null);
    relayed.sort(null);
    System.out.printf(
        "| %d | %d | %.1f | %d ms | %d ms | %d ms | %d ms | %d ms |%n",
        rate,
        lags.size(),
        done.get() / elapsed,
        lags.get(lags.size() / 2),
        p99(lags),
        lags.get(lags.size() - 1),
        relayed.get(relayed.size() / 2),
        p99(relayed));
  }

  private static long p99(List<Long> sorted) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
  }

  /** The create time of each version's record in {@code topic}: when the relay sent it. */
  private static Map<Long, Long> sent(KafkaTopic topic) {
    Map<Long, Long> sent = new ConcurrentHashMap<>();
    try (var consumer = TopicLog.consumer(topic)) {
      var p = TopicLog.partition(topic);
      long end = consumer.endOffsets(List.of(p), java.time.Duration.ofSeconds(30)).get(p);
      while (consumer.position(p) < end) {
        for (var r : consumer.poll(java.time.Duration.ofSeconds(1)).records(p)) {
          sent.put(PatchRecord.version(r), r.timestamp());
        }
      }
    }
    return sent;
  }

  /** A fresh replica over a topic of 10,000 patches: prints patches applied per second. */
  private static void catchUp(Project project, Path dir, EmbeddedKafka kafka) throws Exception {
    KafkaTopic topic = kafka.topic("dgov-catch-up");
    int patches = 10_000;
    String base = BaseFiles.key(project);
    List<PatchRecord> records = new ArrayList<>();
    for (int v = 1; v <= patches; v++) {
      String patch = v % 2 == 0 ? newForum(v) : note(v);
      History.Entry entry =
          new History.Entry(v, "alice", Instant.now(), "", List.of(), List.of(), 0, patch);
      records.add(new PatchRecord(entry, base, "bench", "http://localhost/dgov"));
    }
    EmbeddedKafka.send(topic, records);
    try (ServerProcess fresh = replica(project, dir, topic, "fresh")) {
      long v0 = status(fresh);
      long t0 = System.nanoTime();
      while (status(fresh) < patches) {
        sleep(20);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "Catch-up of a fresh replica over %,d patches (half new forums, half notes): %,d applied after its server"
              + " answered, in %.1f s: %.0f patches/s (RSS at the end %d MB).%n",
          patches, patches - v0, seconds, (patches - v0) / seconds, rss(fresh));
    }
  }

  /** A patch that adds a forum covering a topic: its closure and the rules' modes are entailed. */
  private static String newForum(int v) {
    String forum = "<https://w3id.org/dgov/id/catch-up-forum-" + v + ">";
    return "TX .\n"
        + ("A " + forum + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")
        + " <https://w3id.org/dgov/ontology#Forum> .\n"
        + ("A " + forum + " <http://www.w3.org/2000/01/rdf-schema#label>")
        + (" \"Catch-up forum " + v + "\"@en .\n")
        + ("A " + forum + " <https://w3id.org/dgov/ontology#coversTopic>")
        + " <https://w3id.org/dgov/id/ai-governance> .\n"
        + "TC .\n";
  }

  /** A patch that adds an editorial note to an entry: a statement nothing is entailed from. */
  private static String note(int v) {
    return "TX .\nA <https://w3id.org/dgov/id/rcep>"
        + " <http://www.w3.org/2004/02/skos/core#editorialNote>"
        + (" \"catch-up " + v + "\"@en .\nTC .\n");
  }

  private static double reads(List<String> replicas, List<String> queries, int seconds)
      throws Exception {
    AtomicLong answered = new AtomicLong();
    AtomicLong next = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      clients.submit(
          () -> {
            while (System.nanoTime() < end) {
              long i = next.getAndIncrement();
              String target = replicas.get((int) (i % replicas.size()));
              String query = queries.get((int) ((i / replicas.size()) % queries.size()));
              HttpResponse<String> r =
                  HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  target
                                      + "/dgov/sparql?query="
                                      + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                          .header("Accept", "application/sparql-results+json")
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) {
                answered.incrementAndGet();
              }
            }
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(seconds + 120, TimeUnit.SECONDS);
    return answered.get() / (double) seconds;
  }

  private static long status(ServerProcess replica) {
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

  /** The resident memory of the child JVM answering at {@code replica}, in MB. */
  private static long rss(ServerProcess replica) throws Exception {
    long pid = replica.pid();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
