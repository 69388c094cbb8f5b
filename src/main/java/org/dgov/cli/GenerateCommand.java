package org.dgov.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dgov.graph.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic project of the curated graph's shape, SCALE times its size, for benchmarks:",
      "each copy beyond the first carries exactly one injected violation. Deterministic for a seed",
      "(up to blank node labels)."
    })
final class GenerateCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Spec CommandSpec spec;

  @Option(
      names = "--scale",
      required = true,
      paramLabel = "N",
      description = "How many times the curated graph's size.")
  int scale;

  @Option(
      names = "--seed",
      defaultValue = "2022",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The project folder to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (scale < 1) {
      throw new IllegalArgumentException("--scale must be at least 1");
    }
    int injected = Generator.write(projectOption.project(), scale, seed, out);
    spec.commandLine()
        .getOut()
        .println(
            "wrote " + out + " at scale " + scale + " with " + injected + " injected violation(s)");
    return 0;
  }
}
