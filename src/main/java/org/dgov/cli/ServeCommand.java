package org.dgov.cli;

import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.graph.SyntaxError;
import org.dgov.server.DgovServer;
import org.dgov.server.NonConformingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the curated graph and serves it read-only over SPARQL, as fuseki-config.ttl declares.",
      "Refuses to start, with the report, when the data violates the shapes."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin ProjectOption projectOption;

  @Option(
      names = "--port",
      defaultValue = "3030",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--localhost", description = "Listen on the loopback interface only.")
  boolean localhost;

  @Override
  public Integer call() throws Exception {
    FusekiServer server;
    try {
      server = DgovServer.start(projectOption.project(), port, localhost);
    } catch (SyntaxError e) {
      System.err.println("unreadable: " + e.getMessage());
      return Main.UNREADABLE;
    } catch (NonConformingData e) {
      e.report().findings().forEach(System.err::println);
      System.err.println(e.getMessage());
      return 1;
    }
    server.join();
    return 0;
  }
}
