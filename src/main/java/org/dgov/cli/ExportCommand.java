package org.dgov.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Export;
import org.dgov.graph.Project;
import org.dgov.graph.WriteBack;
import org.dgov.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes the full graph, as curated and with its RDFS closure, as Turtle, N-Triples and JSON-LD; or writes a store back into the curated files.")
final class ExportCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the dumps into.")
  Path out;

  @Option(
      names = "--from-db",
      paramLabel = "DIR",
      description =
          "Instead: write a writable server's TDB2 store back into the curated files, in canonical"
              + " form (new resources go to "
              + WriteBack.NEW_ENTRIES
              + ").")
  Path fromDb;

  @Override
  public Integer call() throws Exception {
    Project project = projectOption.project();
    if ((out == null) == (fromDb == null)) {
      throw new IllegalArgumentException(
          "give either --out DIR (dumps) or --from-db DIR (write a store back into the curated files)");
    }
    if (fromDb != null) {
      DatasetGraph store = TDB2Factory.connectDataset(fromDb.toString()).asDatasetGraph();
      List<Path> changed =
          Txn.calculateRead(store, () -> writeBack(project, Store.asserted(store)));
      changed.forEach(f -> spec.commandLine().getOut().println("wrote " + project.display(f)));
      spec.commandLine().getOut().println(changed.size() + " file(s) changed");
      return 0;
    }
    CuratedGraph graph = CuratedGraph.load(project);
    for (Path written : Export.write(graph, out)) {
      spec.commandLine().getOut().println(written);
    }
    return 0;
  }

  private static List<Path> writeBack(Project project, org.apache.jena.graph.Graph store) {
    try {
      return WriteBack.write(project, store);
    } catch (java.io.IOException | org.dgov.graph.SyntaxError e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
