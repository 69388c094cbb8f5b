package org.dgov.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Export;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes the full graph, as curated and with its RDFS closure, as Turtle, N-Triples and JSON-LD.")
final class ExportCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into.")
  Path out;

  @Override
  public Integer call() throws Exception {
    CuratedGraph graph = CuratedGraph.load(projectOption.project());
    for (Path written : Export.write(graph, out)) {
      spec.commandLine().getOut().println(written);
    }
    return 0;
  }
}
