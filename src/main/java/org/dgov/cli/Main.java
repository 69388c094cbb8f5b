package org.dgov.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar dgov-kg.jar COMMAND}: the knowledge graph's command line. */
@Command(
    name = "dgov-kg",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "A knowledge graph of global digital governance: validate, query, export, format and serve it.",
    subcommands = {
      ValidateCommand.class,
      NewCommand.class,
      QueryCommand.class,
      ExportCommand.class,
      FormatCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      UserCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  /** Exit code for unreadable input, as opposed to 1 for violations. */
  static final int UNREADABLE = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its exit codes: 2 for unreadable input and usage errors. */
  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExitCodeExceptionMapper(e -> UNREADABLE)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("error: " + e.getMessage());
              return UNREADABLE;
            });
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"dgov-kg " + (version == null ? "(development build)" : version)};
    }
  }
}
