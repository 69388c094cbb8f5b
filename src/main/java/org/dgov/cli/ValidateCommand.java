package org.dgov.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Project;
import org.dgov.graph.RdfFiles;
import org.dgov.graph.Report;
import org.dgov.graph.ReportFormats;
import org.dgov.graph.SourceText;
import org.dgov.graph.SyntaxError;
import org.dgov.graph.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the curated graph against the shapes and every quote against its page.",
      "With FILEs, checks those entries together with the graph and reports on them only.",
      "Exit codes: 0 conforms, 1 violations, 2 unreadable input."
    })
final class ValidateCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "New entries in Turtle or JSON-LD.")
  List<Path> files = new ArrayList<>();

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); turtle is the sh:ValidationReport.")
  ReportFormats.Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Project project = projectOption.project();
    Report report;
    try {
      CuratedGraph graph = CuratedGraph.load(project, files);
      SourceText source = SourceText.read(project.sourceText());
      if (files.isEmpty()) {
        report = Validation.validate(graph, source);
      } else {
        List<RdfFiles.Parsed> entries = new ArrayList<>();
        for (Path file : files) {
          entries.add(RdfFiles.parse(file, file.toString()));
        }
        report = Validation.validateEntries(graph, entries, source);
      }
    } catch (SyntaxError e) {
      err.println("unreadable: " + e.getMessage());
      return Main.UNREADABLE;
    }
    if (format != ReportFormats.Format.text) {
      out.println(ReportFormats.write(report, format));
      return report.conforms() ? 0 : 1;
    }
    out.print(ReportFormats.write(report, ReportFormats.Format.text));
    String scope = files.isEmpty() ? "the curated graph" : files.size() + " file(s)";
    if (report.conforms()) {
      out.println(
          "conforms: " + scope + " satisfies the shapes and every quote stands on its page");
      return 0;
    }
    out.println(report.findings().size() + " violation(s) in " + scope);
    return 1;
  }
}
