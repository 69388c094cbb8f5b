package org.dgov.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Scaffold;
import org.dgov.vocab.DGOV;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a Turtle skeleton for a new entry, derived from the shapes: required properties first,",
      "optional ones commented out, allowed values and datatypes in comments, an evidence block to fill in."
    })
final class NewCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "One of: ${COMPLETION-CANDIDATES}.")
  Scaffold.Kind kind;

  @Parameters(
      index = "1",
      paramLabel = "SLUG",
      description = "The new resource's slug: lower-case kebab-case, such as uk-singapore-dea.")
  String slug;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE (refuses to overwrite) instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!DGOV.SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "slug '" + slug + "' is not lower-case kebab-case (a-z, 0-9, single hyphens)");
    }
    CuratedGraph graph = CuratedGraph.load(projectOption.project());
    if (graph.locate(org.apache.jena.graph.NodeFactory.createURI(org.dgov.vocab.DGOV.ID + slug))
        != null) {
      throw new IllegalArgumentException(
          "dgr:"
              + slug
              + " is already used, at "
              + graph.locate(
                  org.apache.jena.graph.NodeFactory.createURI(org.dgov.vocab.DGOV.ID + slug)));
    }
    String skeleton = Scaffold.skeleton(graph, kind, slug);
    if (out == null) {
      spec.commandLine().getOut().print(skeleton);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, skeleton, java.nio.file.StandardOpenOption.CREATE_NEW);
      spec.commandLine().getOut().println("wrote " + out);
    }
    return 0;
  }
}
