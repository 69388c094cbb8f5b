package org.dgov.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.dgov.graph.Generator;
import org.dgov.graph.Project;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Jena SHACL against TopBraid SHACL and RDF4J's ShaclSail: the time each takes to validate the same
 * data graph (ontology and data) against the same shapes, on the curated project (no violations)
 * and on a generated 10× project (one injected violation per copy). {@link #main} first runs each
 * engine once and checks that they report the same results (source shape, constraint component,
 * focus node), printing the counts per shape and constraint where they differ and failing if they
 * do; only then does it run the JMH benchmarks and print each peer's time as a ratio to Jena
 * SHACL's. Run by bench/shacl-peers.sh, whose arguments are JMH options.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShaclPeers {

  private static final Path GENERATED = Path.of("target", "bench", "scale-10");
  private static final int SCALE = 10;
  private static final long SEED = 2022;

  /** The benchmark methods, with the engine each times; the first is the baseline. */
  private static final Map<String, String> ENGINES = new LinkedHashMap<>();

  static {
    ENGINES.put("jenaShacl", "Jena SHACL");
    ENGINES.put("topBraidShacl", "TopBraid SHACL");
    ENGINES.put("rdf4jShaclSail", "RDF4J ShaclSail (load + validate)");
    ENGINES.put("rdf4jLoadOnly", "RDF4J MemoryStore, load only (not SHACL)");
  }

  @Param({"curated", "scale-10"})
  public String data;

  private ShaclEngines.Input input;

  private static Path dir(String data) {
    return data.equals("curated") ? Path.of(".") : GENERATED;
  }

  @Setup
  public void setUp() throws Exception {
    input = ShaclEngines.load(dir(data));
  }

  @Benchmark
  public int jenaShacl() {
    return ShaclEngines.jena(input);
  }

  @Benchmark
  public int topBraidShacl() {
    return ShaclEngines.topBraid(input);
  }

  @Benchmark
  public int rdf4jShaclSail() {
    return ShaclEngines.rdf4j(input);
  }

  @Benchmark
  public int rdf4jLoadOnly() {
    return ShaclEngines.rdf4jLoadOnly(input);
  }

  /** Checks the engines agree, then benchmarks them; {@code args} are JMH options. */
  public static void main(String[] args) throws Exception {
    int injected = Generator.write(Project.at(Path.of(".")), SCALE, SEED, GENERATED);
    System.out.printf(
        "Engines: %s, %s (TopBraid, on this Jena), %s, each parsing the shapes in every validation."
            + " TopBraid's sh:pattern executor calls RegexJava.makeMask, which Jena 5.6 moved to"
            + " RegexEngine, so it is replaced by the same check calling the latter"
            + " (ShaclTopBraidPattern). RDF4J: a ShaclSail on a MemoryStore with its defaults (RDFS"
            + " subclass reasoning, parallel validation) but no cap on results; the shapes"
            + " committed first, then the data in one transaction, so its time includes loading the"
            + " data (the load-only row: the same load without SHACL).%n%n",
        jar(org.apache.jena.shacl.ShaclValidator.class),
        jar(org.topbraid.shacl.validation.ValidationUtil.class),
        jar(org.eclipse.rdf4j.sail.shacl.ShaclSail.class));
    StringBuilder counts = new StringBuilder();
    boolean agree = true;
    for (String data : List.of("curated", "scale-10")) {
      ShaclEngines.Input in = ShaclEngines.load(dir(data));
      if (data.equals("curated")) {
        System.out.println(
            "Shapes: shapes/*.ttl as they are, for all three engines, SPARQL-based constraints"
                + " (sh:sparql) included: RDF4J 5.2 runs them.");
        System.out.println();
      }
      List<List<String>> reports =
          List.of(
              ShaclEngines.results(ShaclEngines.jenaReport(in)),
              ShaclEngines.results(ShaclEngines.topBraidReport(in)),
              ShaclEngines.results(ShaclEngines.toJena(ShaclEngines.rdf4jReport(in))));
      counts.append(
          String.format(
              "| %s | %,d | %d | %d | %d | %d |%n",
              data,
              in.data().size(),
              data.equals("curated") ? 0 : injected,
              reports.get(0).size(),
              reports.get(1).size(),
              reports.get(2).size()));
      agree &= compare(data, reports);
    }
    if (Boolean.getBoolean("java.util.Arrays.useLegacyMergeSort")) {
      System.out.println(
          "Run with -Djava.util.Arrays.useLegacyMergeSort=true (all engines): RDF4J's"
              + " ValueComparator, with which ShaclSail sorts value nodes, finds an xsd:date, an"
              + " xsd:gYearMonth and an xsd:gYear each less than the other, so on the sh:or of"
              + " date datatypes TimSort throws \"Comparison method violates its general"
              + " contract!\" and the commit fails; the legacy merge sort does not check.");
      System.out.println();
    }
    System.out.println(
        "Results (sh:result) per engine, equal shape by shape, constraint by constraint and"
            + " focus node by focus node:");
    System.out.println();
    System.out.println(
        "| data | triples | violations injected | Jena SHACL | TopBraid SHACL | RDF4J ShaclSail |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    System.out.println(counts);
    if (!agree) {
      System.out.println("The engines disagree (above): no timings.");
      System.exit(1);
    }
    Collection<RunResult> runs =
        new Runner(
                new OptionsBuilder()
                    .parent(new CommandLineOptions(args))
                    .include(ShaclPeers.class.getName() + "\\.")
                    .build())
            .run();
    printTimes(runs);
  }

  /** True if the engines report the same results, else prints where they differ. */
  private static boolean compare(String data, List<List<String>> reports) {
    if (reports.get(0).equals(reports.get(1)) && reports.get(0).equals(reports.get(2))) {
      return true;
    }
    Map<String, int[]> byConstraint = new TreeMap<>();
    for (int engine = 0; engine < reports.size(); engine++) {
      for (String line : reports.get(engine)) {
        String constraint = line.substring(0, line.lastIndexOf(' '));
        byConstraint.computeIfAbsent(constraint, k -> new int[3])[engine]++;
      }
    }
    System.out.println("DIFFERENT RESULTS on " + data + " (shape, constraint component):");
    byConstraint.forEach(
        (constraint, n) -> {
          if (n[0] != n[1] || n[0] != n[2]) {
            System.out.printf(
                "- %s: Jena %d, TopBraid %d, RDF4J %d%n", constraint, n[0], n[1], n[2]);
          }
        });
    List<String> names = List.of("Jena", "TopBraid", "RDF4J");
    TreeSet<String> all = new TreeSet<>();
    reports.forEach(all::addAll);
    for (int engine = 0; engine < reports.size(); engine++) {
      TreeSet<String> missing = new TreeSet<>(all);
      missing.removeAll(reports.get(engine));
      String name = names.get(engine);
      missing.stream().limit(10).forEach(l -> System.out.println("- not from " + name + ": " + l));
    }
    System.out.println();
    return false;
  }

  private static void printTimes(Collection<RunResult> runs) {
    Map<String, Map<String, RunResult>> byData = new TreeMap<>();
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      byData
          .computeIfAbsent(run.getParams().getParam("data"), k -> new LinkedHashMap<>())
          .put(method, run);
    }
    System.out.println("Time per validation (JMH average; ± is JMH's 99.9% interval):");
    System.out.println();
    System.out.println("| data | engine | ms/op | ± | ratio to Jena SHACL |");
    System.out.println("|---|---|---:|---:|---:|");
    byData.forEach(
        (data, results) -> {
          double jena = results.get("jenaShacl").getPrimaryResult().getScore();
          ENGINES.forEach(
              (method, engine) -> {
                RunResult run = results.get(method);
                if (run != null) {
                  double score = run.getPrimaryResult().getScore();
                  System.out.printf(
                      "| %s | %s | %.1f | %.1f | %.2f |%n",
                      data, engine, score, run.getPrimaryResult().getScoreError(), score / jena);
                }
              });
        });
  }

  private static String jar(Class<?> type) {
    String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
