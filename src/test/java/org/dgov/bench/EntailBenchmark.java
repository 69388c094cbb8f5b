package org.dgov.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Generator;
import org.dgov.graph.Inference;
import org.dgov.graph.Project;
import org.dgov.graph.RdfFiles;
import org.dgov.store.Store;
import org.dgov.vocab.DGOV;

/**
 * What one write's entailment update costs against recomputing the entailment from scratch, as the
 * graph grows: for each scale, a generated project bulk-loaded into TDB2 with its entailment, then
 * a new agreement entry (the valid fixture of the shapes' tests and a chapter of it, about 30
 * statements) added inside a write transaction and entailed incrementally ({@link
 * Inference#update}, what {@code Store.entail} does), then aborted, against {@link
 * Inference#entailed} over a copy of the asserted graph (what every write did before). Prints a
 * Markdown table of medians (the update's after as many runs to warm up); asserts nothing.
 *
 * <p>{@code java -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.EntailBenchmark DIR 1
 * 10}
 */
public final class EntailBenchmark {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int[] scales = Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
    Project project = Project.at(Path.of("."));
    Inference inference = Inference.of(CuratedGraph.load(project));
    Set<Triple> entry = entry();
    StringBuilder out = new StringBuilder();
    out.append(
        "| scale | served statements | entry statements | served change | incremental update"
            + " (median of 15, after 15 to warm up) | recomputation from scratch (median of 3) | ratio |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (int scale : scales) {
      Path dir = work.resolve("scale-" + scale);
      Generator.write(project, scale, 2022, dir);
      Project generated = Project.at(dir);
      DatasetGraph store =
          TDB2Factory.connectDataset(dir.resolve("tdb2").toString()).asDatasetGraph();
      DataLoader loader =
          LoaderFactory.parallelLoader(store, (MonitorOutput) (format, arguments) -> {});
      loader.startBulk();
      List<String> files = new ArrayList<>();
      generated.ontologyFiles().forEach(f -> files.add(f.toString()));
      files.add(dir.resolve("data").resolve("generated.ttl").toString());
      loader.load(files);
      loader.finishBulk();
      Txn.executeWrite(store, () -> Store.entail(store, inference));
      long served = Txn.calculateRead(store, () -> store.getDefaultGraph().size());
      int[] changed = {0};
      double incrementalMs =
          median(
              15,
              () -> {
                store.begin(ReadWrite.WRITE);
                try {
                  entry.forEach(store.getDefaultGraph()::add);
                  long t = System.nanoTime();
                  Change change =
                      inference.update(
                          store.getDefaultGraph(),
                          store.getGraph(Store.ENTAILED),
                          new Change(entry, Set.of()));
                  double ms = (System.nanoTime() - t) / 1e6;
                  changed[0] = change.added().size() + change.removed().size();
                  return ms;
                } finally {
                  store.abort();
                  store.end();
                }
              });
      double fullMs =
          median(
              3,
              () ->
                  Txn.calculateRead(
                      store,
                      () -> {
                        long t = System.nanoTime();
                        Graph asserted = GraphFactory.createDefaultGraph();
                        Store.asserted(store).find().forEach(asserted::add);
                        entry.forEach(asserted::add);
                        inference.entailed(asserted);
                        return (System.nanoTime() - t) / 1e6;
                      }));
      out.append(
          String.format(
              Locale.ROOT,
              "| %d× | %,d | %d | %d | %.1f ms | %,.0f ms | %.0f× |\n",
              scale,
              served,
              entry.size(),
              changed[0],
              incrementalMs,
              fullMs,
              fullMs / incrementalMs));
      System.err.printf(Locale.ROOT, "scale %d done%n", scale);
    }
    System.out.print(out);
  }

  /** The new agreement entry of the shapes' tests and a chapter of it that covers a topic. */
  private static Set<Triple> entry() throws Exception {
    Graph graph =
        RdfFiles.parse(Path.of("src/test/resources/shapes/agreement-valid.ttl"), "entry").graph();
    Set<Triple> entry = new HashSet<>(graph.find().toList());
    Node agreement = NodeFactory.createURI(DGOV.ID + "test-agreement");
    Node chapter = NodeFactory.createURI(DGOV.ID + "test-agreement-chapter");
    entry.add(Triple.create(chapter, RDF.type.asNode(), DGOV.Instrument.asNode()));
    entry.add(Triple.create(chapter, DCTerms.isPartOf.asNode(), agreement));
    entry.add(
        Triple.create(
            chapter, DGOV.coversTopic.asNode(), NodeFactory.createURI(DGOV.ID + "cybersecurity")));
    entry.add(
        Triple.create(
            chapter, RDFS.label.asNode(), NodeFactory.createLiteralLang("Test chapter", "en")));
    entry.add(
        Triple.create(chapter, RDFS.label.asNode(), NodeFactory.createLiteralLang("测试章节", "zh")));
    return entry;
  }

  private interface Timed {
    double ms();
  }

  private static double median(int runs, Timed timed) {
    if (runs > 3) {
      for (int i = 0; i < runs; i++) {
        timed.ms();
      }
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      ms[i] = timed.ms();
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }
}
