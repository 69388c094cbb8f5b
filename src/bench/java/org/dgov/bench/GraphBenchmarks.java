package org.dgov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Inference;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.graph.RdfFiles;
import org.dgov.graph.Report;
import org.dgov.graph.SourceText;
import org.dgov.graph.Validation;
import org.dgov.server.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process benchmarks: every named query on the in-memory closure (as the read-only server serves
 * it) and on TDB2 (as the writable server does), full validation, and validation of one new entry
 * against the graph. Run by bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GraphBenchmarks {

  /** A named query, on both stores. */
  @State(Scope.Benchmark)
  public static class Query {

    /** The named queries, by file name in queries/. */
    @Param({
      "count-resources-by-class",
      "list-agreements-by-status",
      "list-dfft-instruments",
      "list-dfft-timeline",
      "list-g20-members-in-rcep",
      "list-indicator-over-time",
      "list-instruments-by-actor",
      "list-mechanisms-by-mode",
      "list-mechanisms-for-topic",
      "list-parties-by-actor",
      "list-principles-by-actor",
      "list-topics-by-layer",
      "list-topics-without-multistakeholder-coverage",
      "show-coverage-matrix",
      "show-evidence-for-statement"
    })
    public String name;

    private Dataset inMemory;
    private Dataset tdb2;
    private String text;

    @Setup
    public void setUp() throws Exception {
      Project project = Project.at(Path.of("."));
      CuratedGraph curated = CuratedGraph.load(project);
      inMemory = DatasetFactory.wrap(DatasetGraphFactory.wrap(Inference.closure(curated)));
      Path db = Files.createTempDirectory("dgov-jmh");
      tdb2 = DatasetFactory.wrap(Store.open(db, curated).dataset());
      text = NamedQuery.read(project.queriesDir().resolve(name + ".rq")).text();
    }

    private int rows(Dataset dataset) {
      try (QueryExecution qe = QueryExecution.dataset(dataset).query(text).build()) {
        int[] n = {0};
        qe.execSelect().forEachRemaining(r -> n[0]++);
        return n[0];
      }
    }
  }

  private CuratedGraph curated;
  private SourceText source;
  private RdfFiles.Parsed entry;

  @Setup
  public void setUp() throws Exception {
    Project project = Project.at(Path.of("."));
    curated = CuratedGraph.load(project);
    source = SourceText.read(project.sourceText());
    entry = RdfFiles.parse(Path.of("src/test/resources/shapes/agreement-valid.ttl"), "entry");
  }

  @Benchmark
  public int namedQueryInMemory(Query query) {
    return query.rows(query.inMemory);
  }

  @Benchmark
  public int namedQueryOnTdb2(Query query) {
    return Txn.calculateRead(query.tdb2, () -> query.rows(query.tdb2));
  }

  @Benchmark
  public Report validateWholeGraph() {
    return Validation.validate(curated, source);
  }

  @Benchmark
  public Report validateOneEntry() {
    return Validation.validateEntries(curated, List.of(entry), source);
  }
}
