package org.dgov.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.graph.SyntaxError;
import org.dgov.server.DgovServer;
import org.dgov.server.NonConformingData;
import org.dgov.store.Users;
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

  @Option(
      names = "--federate",
      description =
          "Allow SERVICE to the endpoints fuseki-config.ttl lists as :federationEndpoint"
              + " (Wikidata's and DBpedia's), and to no other.")
  boolean federate;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The public base URL that absolute IRIs in served documents start with (JSON-LD context,"
              + " service description, VoID), such as https://dgov.example.org; default:"
              + " fuseki-config.ttl's :publicBaseUrl, else http://localhost:PORT. Never taken from"
              + " the request's Host header.")
  String baseUrl;

  @Option(
      names = "--writable",
      description =
          "Accept authenticated SPARQL Update at /dgov/update and Graph Store writes at /dgov/data; needs --db and --users.")
  boolean writable;

  @Option(
      names = "--db",
      paramLabel = "DIR",
      description =
          "The TDB2 store of a writable server; loaded from the curated files on first start.")
  Path db;

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description = "Who may write: lines made by 'dgov-kg user NAME --users FILE'.")
  Path users;

  @Override
  public Integer call() throws Exception {
    if (writable && (db == null || users == null)) {
      throw new IllegalArgumentException("--writable needs --db DIR and --users FILE");
    }
    if (!writable && (db != null || users != null)) {
      throw new IllegalArgumentException("--db and --users go with --writable");
    }
    FusekiServer server;
    try {
      DgovServer.Writes writes = writable ? new DgovServer.Writes(db, Users.read(users)) : null;
      server =
          DgovServer.start(
              projectOption.project(),
              new DgovServer.Options(port, localhost, writes, federate, baseUrl));
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
