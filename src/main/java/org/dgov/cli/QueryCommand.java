package org.dgov.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Inference;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.graph.QueryRunner;
import org.dgov.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a named query (queries/NAME.rq) or a .rq file against the graph with its RDFS closure.",
      "No server needed."
    })
final class QueryCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Parameters(paramLabel = "NAME|FILE.rq", description = "A named query or a query file.")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  QueryRunner.Format format;

  @Option(
      names = "--federate",
      description =
          "Allow SERVICE to the endpoints fuseki-config.ttl lists as :federationEndpoint (as"
              + " `serve --federate` does); without it, SERVICE is refused.")
  boolean federate;

  @Override
  public Integer call() throws Exception {
    Project project = projectOption.project();
    Path file =
        query.endsWith(".rq") ? Path.of(query) : project.queriesDir().resolve(query + ".rq");
    if (!Files.isRegularFile(file)) {
      String known =
          String.join(
              ", ", NamedQuery.all(project.queriesDir()).stream().map(NamedQuery::name).toList());
      throw new IllegalArgumentException("no query " + file + "; named queries: " + known);
    }
    var graph = Inference.closure(CuratedGraph.load(project));
    Optional<List<String>> federation =
        federate
            ? Optional.of(ServerSettings.read(project).federationEndpoints())
            : Optional.empty();
    QueryRunner.run(graph, Files.readString(file), federation, format, System.out);
    return 0;
  }
}
