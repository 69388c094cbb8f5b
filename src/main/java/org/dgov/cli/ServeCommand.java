package org.dgov.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.graph.Project;
import org.dgov.graph.SyntaxError;
import org.dgov.replica.KafkaTopic;
import org.dgov.replica.Primary;
import org.dgov.replica.Replica;
import org.dgov.replica.ReplicationSettings;
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

  @Option(
      names = "--publish",
      paramLabel = "kafka://HOST:PORT/TOPIC",
      description =
          "With --writable: publish every accepted write's patch to this Kafka topic, for read replicas.")
  String publish;

  @Option(
      names = "--replica-of",
      paramLabel = "kafka://HOST:PORT/TOPIC",
      description =
          "Serve read-only a replica that follows the primary publishing to this Kafka topic; --db"
              + " keeps its store between runs.")
  String replicaOf;

  @Option(
      names = "--kafka-property",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka client setting passed through (security.protocol=SASL_SSL); repeatable, after"
              + " the :kafkaProperty settings of fuseki-config.ttl.")
  List<String> kafkaProperties = new ArrayList<>();

  @Option(
      names = "--serve-while-catching-up",
      description =
          "With --replica-of: answer queries at once, not only after catching up with the topic's"
              + " head as seen at start.")
  boolean serveWhileCatchingUp;

  @Override
  public Integer call() throws Exception {
    if (replicaOf != null && (writable || users != null || publish != null)) {
      throw new IllegalArgumentException(
          "--replica-of serves read-only: it goes without --writable, --users and --publish");
    }
    if (replicaOf == null && writable && (db == null || users == null)) {
      throw new IllegalArgumentException("--writable needs --db DIR and --users FILE");
    }
    if (replicaOf == null && !writable && (db != null || users != null || publish != null)) {
      throw new IllegalArgumentException("--db, --users and --publish go with --writable");
    }
    FusekiServer server;
    try {
      Project project = projectOption.project();
      ReplicationSettings settings = ReplicationSettings.read(project);
      List<String> client = new ArrayList<>(settings.kafkaProperties());
      client.addAll(kafkaProperties);
      if (replicaOf != null) {
        server =
            Replica.start(
                    project,
                    KafkaTopic.parse(replicaOf, "--replica-of", client),
                    db,
                    new DgovServer.ServerPlace(port, localhost, baseUrl),
                    settings.waitForHead() && !serveWhileCatchingUp)
                .server();
        server.join();
        return 0;
      }
      DgovServer.Writes writes = writable ? new DgovServer.Writes(db, Users.read(users)) : null;
      DgovServer.Options options =
          new DgovServer.Options(port, localhost, writes, federate, baseUrl);
      server =
          writable
              ? Primary.start(
                      project,
                      options,
                      publish == null ? null : KafkaTopic.parse(publish, "--publish", client))
                  .server()
              : DgovServer.start(project, options);
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
