package org.dgov.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process benchmarks: the coverage matrix on the in-memory closure and on TDB2, full
 * validation, and validation of one new entry against the graph. Run by bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GraphBenchmarks {

  private CuratedGraph curated;
  private SourceText source;
  private Graph closure;
  private Dataset tdb2;
  private String coverage;
  private RdfFiles.Parsed entry;

  @Setup
  public void setUp() throws Exception {
    Project project = Project.at(Path.of("."));
    curated = CuratedGraph.load(project);
    source = SourceText.read(project.sourceText());
    closure = Inference.rdfsClosure(curated);
    coverage = NamedQuery.read(project.queriesDir().resolve("show-coverage-matrix.rq")).text();
    Path db = java.nio.file.Files.createTempDirectory("dgov-jmh");
    DatasetGraph store = Store.open(db, curated);
    tdb2 = DatasetFactory.wrap(RDFSFactory.datasetRDFS(store, Inference.vocabulary(curated.ontology())));
    entry = RdfFiles.parse(Path.of("src/test/resources/shapes/agreement-valid.ttl"), "entry");
  }

  @Benchmark
  public int coverageMatrixInMemory() {
    try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(closure)).query(coverage).build()) {
      int[] n = {0};
      qe.execSelect().forEachRemaining(r -> n[0]++);
      return n[0];
    }
  }

  @Benchmark
  public int coverageMatrixOnTdb2() {
    return Txn.calculateRead(tdb2, () -> {
      try (QueryExecution qe = QueryExecution.dataset(tdb2).query(coverage).build()) {
        int[] n = {0};
        qe.execSelect().forEachRemaining(r -> n[0]++);
        return n[0];
      }
    });
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
