package org.dgov.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dgov.graph.CanonicalTurtle;
import org.dgov.graph.Project;
import org.dgov.graph.RdfText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "format",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every .ttl file of the repository in the one canonical form.",
      "With --check, changes nothing and exits 1 when a file is not canonical."
    })
final class FormatCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Spec CommandSpec spec;

  @Option(names = "--check", description = "Only report files that are not in canonical form.")
  boolean check;

  @Override
  public Integer call() throws Exception {
    Project project = projectOption.project();
    List<String> changed = new ArrayList<>();
    for (Path file : project.allTurtleFiles()) {
      String text = RdfText.turtle(file, project.display(file));
      String canonical = CanonicalTurtle.format(text, project.display(file));
      if (!canonical.equals(text)) {
        changed.add(project.display(file));
        if (!check) {
          Files.writeString(file, canonical);
        }
      }
    }
    changed.forEach(
        f -> spec.commandLine().getOut().println((check ? "not canonical: " : "formatted: ") + f));
    return check && !changed.isEmpty() ? 1 : 0;
  }
}
