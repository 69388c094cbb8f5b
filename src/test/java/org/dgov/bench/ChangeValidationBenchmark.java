package org.dgov.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Generator;
import org.dgov.graph.Inference;
import org.dgov.graph.Project;
import org.dgov.graph.RdfFiles;
import org.dgov.graph.Report;
import org.dgov.graph.SourceText;
import org.dgov.graph.Validation;

/**
 * The cost of validating one write against the cost of checking the whole graph: for each scale, a
 * synthetic project ({@link Generator}), the new agreement entry {@code agreement-valid.ttl} (about
 * 30 statements) added to its served graph with what it entails, then {@link
 * Validation#validateChange} on that change and {@link Validation#validate} on the whole graph,
 * medians printed as a Markdown table. Run with the test classpath: {@code java -cp … WORKDIR
 * SCALE…}.
 */
public final class ChangeValidationBenchmark {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int[] scales = Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
    Project project = Project.at(Path.of("."));
    RdfFiles.Parsed entry =
        RdfFiles.parse(Path.of("src/test/resources/shapes/agreement-valid.ttl"), "entry");
    StringBuilder out = new StringBuilder();
    out.append(
        "| scale | served statements | change (asserted + entailed) | validateChange p50 | whole-graph check p50 | findings (change / whole) |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (int scale : scales) {
      Path dir = work.resolve("scale-" + scale);
      Generator.write(project, scale, 2022, dir);
      Project generated = Project.at(dir);
      CuratedGraph graph = CuratedGraph.load(generated);
      SourceText source = SourceText.read(generated.sourceText());
      CuratedGraph after = graph.withEntries(List.of(entry));
      Graph served = Inference.closure(graph);
      Set<Triple> added = new HashSet<>(entry.graph().find().filterDrop(served::contains).toList());
      Graph servedAfter = GraphFactory.createDefaultGraph();
      served.find().forEach(servedAfter::add);
      added.forEach(servedAfter::add);
      Set<Triple> entailed = Inference.of(graph).entailed(servedAfter);
      added.addAll(entailed);
      entailed.forEach(servedAfter::add);
      Change change = new Change(added, Set.of());
      Validation.validateChange(after, servedAfter, change, source); // parses the shapes once
      Report[] part = new Report[1];
      double changeMs =
          Stats.median(
              21, () -> part[0] = Validation.validateChange(after, servedAfter, change, source));
      Report[] whole = new Report[1];
      double wholeMs =
          Stats.median(3, () -> whole[0] = Validation.validate(after, servedAfter, source));
      out.append(
          String.format(
              Locale.ROOT,
              "| %d× | %,d | %d | %.1f ms | %.0f ms | %d / %d |\n",
              scale,
              servedAfter.size(),
              change.added().size(),
              changeMs,
              wholeMs,
              part[0].findings().size(),
              whole[0].findings().size()));
      System.err.printf(Locale.ROOT, "scale %d done%n", scale);
    }
    System.out.print(out);
  }
}
