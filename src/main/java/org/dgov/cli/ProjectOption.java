package org.dgov.cli;

import java.nio.file.Path;
import org.dgov.graph.Project;
import picocli.CommandLine.Option;

/** The {@code --root} option shared by every command. */
final class ProjectOption {

  @Option(
      names = "--root",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "The repository holding ontology/, shapes/, data/ and queries/ (default: the current folder).")
  Path root;

  Project project() {
    return Project.at(root);
  }
}
