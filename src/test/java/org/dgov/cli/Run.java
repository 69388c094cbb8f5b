package org.dgov.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the command line in the test's JVM, as a curator would type it: its exit code and what
 * it printed to standard output and standard error.
 */
record Run(int exit, String out, String err) {

  /** Runs {@code dgov args…}. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Runs {@code dgov args…} with {@code input} as its standard input (a typed password). */
  static Run withInput(String input, String... args) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(stdin);
    }
  }
}
