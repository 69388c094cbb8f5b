package org.dgov.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.DatabaseOps;
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

  private static final String ACCEPT_LOST = "--accept-lost-resources";
  private static final String DELETE_EMPTIED = "--delete-emptied-files";

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
              + "). Refuses, naming them, to lose resources or to delete files unless told to.")
  Path fromDb;

  @Option(
      names = ACCEPT_LOST,
      description =
          "With --from-db: write back even though the store no longer describes resources that"
              + " the curated files describe (by default this is refused, naming them).")
  boolean acceptLostResources;

  @Option(
      names = DELETE_EMPTIED,
      description =
          "With --from-db: delete the curated files the store no longer holds any statement of"
              + " (by default this is refused, naming them).")
  boolean deleteEmptiedFiles;

  @Override
  public Integer call() throws Exception {
    Project project = projectOption.project();
    if ((out == null) == (fromDb == null)) {
      throw new IllegalArgumentException(
          "give either --out DIR (dumps) or --from-db DIR (write a store back into the curated files)");
    }
    if (fromDb != null) {
      return writeBack(project);
    }
    CuratedGraph graph = CuratedGraph.load(project);
    for (Path written : Export.write(graph, out)) {
      spec.commandLine().getOut().println(written);
    }
    return 0;
  }

  /** Writes the store back; 1 when that would lose data the flags do not allow to lose. */
  private int writeBack(Project project) throws Exception {
    Set<WriteBack.Allow> allowed = EnumSet.noneOf(WriteBack.Allow.class);
    if (acceptLostResources) {
      allowed.add(WriteBack.Allow.LOST_RESOURCES);
    }
    if (deleteEmptiedFiles) {
      allowed.add(WriteBack.Allow.EMPTIED_FILES);
    }
    DatasetGraph store = open(fromDb);
    List<WriteBack.FileChange> changes;
    store.begin(TxnType.READ);
    try {
      changes = WriteBack.write(project, Store.asserted(store), allowed);
    } catch (WriteBack.Refused e) {
      String flags =
          e.needed().stream()
              .map(a -> a == WriteBack.Allow.LOST_RESOURCES ? ACCEPT_LOST : DELETE_EMPTIED)
              .sorted()
              .collect(Collectors.joining(" "));
      spec.commandLine()
          .getErr()
          .println("refused: " + e.getMessage() + ". To write back all the same, give " + flags);
      return 1;
    } finally {
      store.end();
    }
    PrintWriter print = spec.commandLine().getOut();
    for (WriteBack.FileChange change : changes) {
      String file = project.display(change.file());
      if (change.deleted()) {
        print.println("deleted " + file + ": -" + change.removed() + " statements");
      } else {
        print.println(
            (change.created() ? "created " : "changed ")
                + file
                + ": +"
                + change.added()
                + " -"
                + change.removed()
                + " statements");
      }
    }
    print.println(changes.size() + " file(s) changed");
    return 0;
  }

  /**
   * The TDB2 store in {@code dir}, with a clear error where there is none or where another live
   * process (most likely a writable server) holds its lock.
   */
  private static DatasetGraph open(Path dir) throws IOException {
    if (DatabaseOps.findStorageLocation(dir) == null) {
      throw new IllegalArgumentException(
          "no TDB2 store in " + dir + " (no Data-NNNN folder there)");
    }
    try {
      return TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
    } catch (DBOpEnvException e) {
      Path lock = dir.resolve("tdb.lock");
      Optional<ProcessHandle> holder = holder(lock);
      if (holder.isEmpty()) {
        throw e;
      }
      throw new IllegalStateException(
          "the store in "
              + dir
              + " is in use by process "
              + holder.get().pid()
              + " (it holds "
              + lock
              + "), most likely a running `serve --writable --db "
              + dir
              + "`: stop that server, then export again",
          e);
    }
  }

  /** The live process, other than this one, whose id TDB2's lock file holds. */
  private static Optional<ProcessHandle> holder(Path lock) throws IOException {
    if (!Files.isReadable(lock)) {
      return Optional.empty();
    }
    String pid = Files.readString(lock).strip();
    if (!pid.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(pid))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.pid() != ProcessHandle.current().pid());
  }
}
