package org.dgov.bench;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Http;
import org.dgov.HttpStatus;
import org.dgov.graph.Generator;
import org.dgov.graph.Project;
import org.dgov.graph.RdfFiles;
import org.dgov.server.DgovServer;
import org.dgov.store.Users;
import org.dgov.vocab.DGOV;

/**
 * What a validated write costs as the graph grows: for each scale, a generated project with no
 * injected violation is served writable on a fresh TDB2 store, and one new agreement entry (the
 * valid test entry, 23 statements, under a fresh slug and labels each time) is inserted through
 * {@code /dgov/update} by one writer in sequence (p50, p99), then by four concurrent writers for a
 * fixed time (accepted writes per second). Afterwards every write is looked up in the store: an
 * acknowledged write missing is lost, one present in part is torn. Prints a Markdown table. Run by
 * bench/writes.sh.
 */
public final class WriteBenchmark {

  private static final String AUTHORIZATION =
      "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8));
  private static final int WARM_UP = 150;
  private static final Node TEMPLATE = NodeFactory.createURI(DGOV.ID + "test-agreement");

  private record Row(
      int scale,
      long triples,
      long entryStatements,
      double p50,
      double p99,
      double perSecond,
      int accepted,
      int rejected,
      int lost,
      int torn) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int sequential = Integer.parseInt(args[1]);
    int concurrentSeconds = Integer.parseInt(args[2]);
    int[] scales = Arrays.stream(args).skip(3).mapToInt(Integer::parseInt).toArray();
    Project project = Project.at(Path.of("."));
    Graph entry =
        RdfFiles.parse(Path.of("src/test/resources/shapes/agreement-valid.ttl"), "entry").graph();
    List<Row> rows = new ArrayList<>();
    for (int scale : scales) {
      Path dir = work.resolve("scale-" + scale);
      Generator.write(project, scale, 2022, dir.resolve("repo"), false);
      Path users = dir.resolve("users.txt");
      Files.writeString(users, Users.line("bench", "bench".toCharArray()) + "\n");
      FusekiServer server =
          DgovServer.start(
              Project.at(dir.resolve("repo")),
              0,
              true,
              new DgovServer.Writes(dir.resolve("db"), Users.read(users)));
      try {
        rows.add(measure(scale, server, entry, sequential, concurrentSeconds));
      } finally {
        server.stop();
      }
      System.err.printf(Locale.ROOT, "scale %d done%n", scale);
    }
    System.out.print(markdown(rows));
  }

  private static Row measure(
      int scale, FusekiServer server, Graph entry, int sequential, int concurrentSeconds)
      throws Exception {
    String base = Http.base(server) + "/dgov/";
    long triples = count(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    AtomicInteger next = new AtomicInteger();
    ConcurrentHashMap<Integer, Boolean> outcome = new ConcurrentHashMap<>();
    for (int i = 0; i < WARM_UP; i++) { // the first writes of a JVM measure its compiler
      int n = next.getAndIncrement();
      outcome.put(n, write(base, entry, n));
    }
    double[] ms = new double[sequential];
    for (int i = 0; i < sequential; i++) {
      int n = next.getAndIncrement();
      long t = System.nanoTime();
      outcome.put(n, write(base, entry, n));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    long deadline = System.nanoTime() + concurrentSeconds * 1_000_000_000L;
    AtomicInteger acceptedConcurrently = new AtomicInteger();
    long started = System.nanoTime();
    for (int w = 0; w < 4; w++) {
      writers.submit(
          () -> {
            while (System.nanoTime() < deadline) {
              int n = next.getAndIncrement();
              boolean ok = write(base, entry, n);
              outcome.put(n, ok);
              if (ok) {
                acceptedConcurrently.incrementAndGet();
              }
            }
            return null;
          });
    }
    writers.shutdown();
    writers.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
    double seconds = (System.nanoTime() - started) / 1e9;
    int lost = 0, torn = 0, accepted = 0, rejected = 0;
    // an entry as the server holds it, with what it entails: the first write's, written alone
    long whole = outcome.get(0) ? statementsAbout(base, 0) : -1;
    for (var e : outcome.entrySet()) {
      long found = statementsAbout(base, e.getKey());
      if (e.getValue()) {
        accepted++;
        if (found == 0) {
          lost++;
        } else if (found != whole) {
          torn++;
        }
      } else {
        rejected++;
        if (found != 0) {
          torn++;
        }
      }
    }
    return new Row(
        scale,
        triples,
        entry.size(),
        ms[ms.length / 2],
        ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)],
        acceptedConcurrently.get() / seconds,
        accepted,
        rejected,
        lost,
        torn);
  }

  /** Inserts write {@code n} of the entry; true when the server acknowledged it. */
  private static boolean write(String base, Graph entry, int n) throws Exception {
    Graph copy = GraphFactory.createDefaultGraph();
    Node subject = slug(n);
    entry
        .find()
        .forEach(
            t -> {
              Node s = t.getSubject().equals(TEMPLATE) ? subject : t.getSubject();
              Node o = t.getObject();
              if (t.getPredicate().equals(RDFS.label.asNode()) && s.equals(subject)) {
                o =
                    NodeFactory.createLiteralLang(
                        o.getLiteralLexicalForm() + " " + n, o.getLiteralLanguage());
              }
              copy.add(Triple.create(s, t.getPredicate(), o));
            });
    ByteArrayOutputStream nt = new ByteArrayOutputStream();
    RDFDataMgr.write(nt, copy, Lang.NTRIPLES);
    String update = "INSERT DATA {\n" + nt.toString(StandardCharsets.UTF_8) + "}";
    HttpResponse<String> response =
        Http.post(
            base + "update", "application/sparql-update", update, "Authorization", AUTHORIZATION);
    return HttpStatus.succeeded(response.statusCode());
  }

  private static long statementsAbout(String base, int n) throws Exception {
    return count(base, "SELECT (COUNT(*) AS ?n) WHERE { <" + slug(n).getURI() + "> ?p ?o }");
  }

  private static Node slug(int n) {
    return NodeFactory.createURI(DGOV.ID + "bench-write-" + n);
  }

  private static long count(String base, String query) throws Exception {
    HttpResponse<String> response =
        Http.get(
            base + "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
            "Accept",
            "text/csv");
    return Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().trim());
  }

  private static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scale | triples served | entry statements | one writer p50 | one writer p99 | 4 writers, accepted/s | accepted | rejected | lost | torn |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d× | %,d | %d | %.1f ms | %.1f ms | %.1f | %d | %d | %d | %d |\n",
              r.scale(),
              r.triples(),
              r.entryStatements(),
              r.p50(),
              r.p99(),
              r.perSecond(),
              r.accepted(),
              r.rejected(),
              r.lost(),
              r.torn()));
    }
    if (rows.size() >= 2) {
      double[] size = rows.stream().mapToDouble(Row::triples).toArray();
      out.append(
          String.format(
              Locale.ROOT,
              "\nGrowth of the one-writer p50 against size (slope of log time on log triples; 1 = linear, 0 = flat): %.2f\n",
              Stats.slope(size, rows.stream().mapToDouble(Row::p50).toArray())));
    }
    return out.toString();
  }
}
