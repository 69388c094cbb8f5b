package org.dgov;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a child JVM, on a free loopback port, its output in a log file: for tests that
 * kill the server, or that need a server with a configuration of its own (Fuseki's server-level
 * context, the query timeout among it, is global to a JVM).
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern READY =
      Pattern.compile("ready at http://localhost:(\\d+)/dgov/sparql");

  private final Process process;
  private final String base;

  private ServerProcess(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /** Starts {@code serve --root root --port 0 --localhost} plus {@code args}, and waits for it. */
  public static ServerProcess start(Path root, Path log, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.dgov.cli.Main",
            "serve",
            "--root",
            root.toString(),
            "--port",
            "0",
            "--localhost"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      return new ServerProcess(process, "http://localhost:" + awaitReady(process, log));
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly().waitFor();
      throw e;
    }
  }

  /** The process id of the server's JVM, to read its memory. */
  public long pid() {
    return process.pid();
  }

  /** {@code http://localhost:PORT}. */
  public String base() {
    return base;
  }

  /** Kills the server as SIGKILL would, and waits for it to be gone. */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  private static int awaitReady(Process server, Path log) throws IOException, InterruptedException {
    while (true) {
      if (Files.exists(log)) {
        Matcher m = READY.matcher(Files.readString(log));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }
}
