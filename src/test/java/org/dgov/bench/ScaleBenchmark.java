package org.dgov.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Generator;
import org.dgov.graph.Inference;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.graph.RdfFiles;
import org.dgov.graph.Report;
import org.dgov.graph.SourceText;
import org.dgov.graph.Validation;
import org.dgov.store.Store;

/**
 * How dgov-kg grows with the graph: for each scale, generates a synthetic project, validates it in
 * memory, bulk-loads it into TDB2, adds its RDFS entailment there and times the coverage matrix and
 * point lookups. Prints a Markdown section with the numbers and a log-log fit of time against size.
 * Run by bench/scale.sh.
 */
public final class ScaleBenchmark {

  private record Row(
      int scale,
      long triples,
      double validateS,
      long violations,
      int injected,
      double entryMs,
      double loadS,
      double entailS,
      double coverageMs,
      double lookupMs,
      long heapMb) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int[] scales = Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
    Project project = Project.at(Path.of("."));
    String coverage =
        NamedQuery.read(project.queriesDir().resolve("show-coverage-matrix.rq")).text();
    RdfFiles.Parsed entry =
        RdfFiles.parse(Path.of("src/test/resources/shapes/agreement-valid.ttl"), "entry");
    List<Row> rows = new ArrayList<>();
    for (int scale : scales) {
      Path dir = work.resolve("scale-" + scale);
      int injected = Generator.write(project, scale, 2022, dir);
      Project generated = Project.at(dir);
      System.gc();
      long t0 = System.nanoTime();
      CuratedGraph graph = CuratedGraph.load(generated);
      SourceText source = SourceText.read(generated.sourceText());
      Report report = Validation.validate(graph, source);
      double validateS = seconds(t0);
      double entryMs = entryCheckMs(graph, entry, source);
      System.gc();
      long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
      long triples = graph.data().size();
      graph = null;
      Path db = dir.resolve("tdb2");
      DatasetGraph store = TDB2Factory.connectDataset(db.toString()).asDatasetGraph();
      long t1 = System.nanoTime();
      DataLoader loader =
          LoaderFactory.parallelLoader(store, (MonitorOutput) (format, arguments) -> {});
      loader.startBulk();
      List<String> files = new ArrayList<>();
      for (Path f : generated.ontologyFiles()) {
        files.add(f.toString());
      }
      files.add(dir.resolve("data").resolve("generated.ttl").toString());
      loader.load(files);
      loader.finishBulk();
      double loadS = seconds(t1);
      Inference inference = Inference.of(CuratedGraph.load(project));
      long t2 = System.nanoTime();
      Txn.executeWrite(store, () -> Store.entail(store, inference));
      double entailS = seconds(t2);
      Dataset served = DatasetFactory.wrap(store);
      double coverageMs =
          Stats.median(5, () -> Txn.executeRead(served, () -> count(served, coverage)));
      Random random = new Random(scale);
      double lookupMs =
          Stats.median(
              51,
              () -> {
                int copy = random.nextInt(scale);
                String slug = "rcep" + (copy == 0 ? "" : "-g" + copy);
                Txn.executeRead(
                    served,
                    () ->
                        count(
                            served,
                            "SELECT ?p ?o WHERE { <https://w3id.org/dgov/id/"
                                + slug
                                + "> ?p ?o }"));
              });
      rows.add(
          new Row(
              scale,
              triples,
              validateS,
              report.findings().size(),
              injected,
              entryMs,
              loadS,
              entailS,
              coverageMs,
              lookupMs,
              heapMb));
      System.err.printf(Locale.ROOT, "scale %d done: %d triples%n", scale, triples);
    }
    System.out.print(markdown(rows));
  }

  /** Median time to check one new entry together with {@code graph}. */
  private static double entryCheckMs(CuratedGraph graph, RdfFiles.Parsed entry, SourceText source) {
    return Stats.median(5, () -> Validation.validateEntries(graph, List.of(entry), source));
  }

  private static int count(Dataset dataset, String query) {
    try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
      int[] n = {0};
      qe.execSelect().forEachRemaining(r -> n[0]++);
      return n[0];
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scale | triples (asserted) | validate (load + SHACL + checks) | violations found / injected | check one new entry | TDB2 bulk load | load rate | RDFS entailment on TDB2 | coverage matrix on TDB2 | point lookup on TDB2 | heap after validation |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d× | %,d | %.1f s | %d / %d | %.1f ms | %.1f s | %,.0f triples/s | %.1f s | %.1f ms | %.2f ms | %,d MB |\n",
              r.scale(),
              r.triples(),
              r.validateS(),
              r.violations(),
              r.injected(),
              r.entryMs(),
              r.loadS(),
              r.triples() / r.loadS(),
              r.entailS(),
              r.coverageMs(),
              r.lookupMs(),
              r.heapMb()));
    }
    if (rows.size() >= 2) {
      double[] size = rows.stream().mapToDouble(Row::triples).toArray();
      out.append(
          "\nGrowth against size (slope of log time on log triples; 1 = linear, 0 = flat):\n\n");
      for (String[] metric :
          new String[][] {
            {"validate", "v"},
            {"check one new entry", "n"},
            {"TDB2 bulk load", "l"},
            {"RDFS entailment", "e"},
            {"coverage matrix", "c"},
            {"point lookup", "p"}
          }) {
        double[] y =
            rows.stream()
                .mapToDouble(
                    r ->
                        switch (metric[1]) {
                          case "v" -> r.validateS();
                          case "n" -> r.entryMs();
                          case "l" -> r.loadS();
                          case "e" -> r.entailS();
                          case "c" -> r.coverageMs();
                          default -> r.lookupMs();
                        })
                .toArray();
        double s = Stats.slope(size, y);
        out.append(
            String.format(
                Locale.ROOT,
                "- %s: %.2f%s\n",
                metric[0],
                s,
                s > 1.15 ? " — grows faster than linear" : ""));
      }
    }
    return out.toString();
  }
}
