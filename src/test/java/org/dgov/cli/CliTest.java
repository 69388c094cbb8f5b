package org.dgov.cli;

import static org.dgov.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.dgov.StoreHolder;
import org.dgov.TestProjects;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Project;
import org.dgov.store.Store;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit codes and messages as a curator sees them at the command line. */
class CliTest {

  private static final String PREFIXES =
      """
      @prefix dgov: <https://w3id.org/dgov/ontology#> .
      @prefix dgr: <https://w3id.org/dgov/id/> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      """;

  @Test
  void conformingEntryExitsZero() {
    Run run = run("validate", "src/test/resources/shapes/agreement-valid.ttl");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("conforms"), run.out());
  }

  @Test
  void wholeGraphConforms() {
    Run run = run("validate");
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void violationExitsOneWithLabelPropertyMessageFileAndLine() {
    Run run = run("validate", "src/test/resources/shapes/agreement-invalid-party-not-actor.ttl");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(
        run.out()
            .contains(
                "agreement-invalid-party-not-actor.ttl:15: Violation: Test digital economy agreement"),
        run.out());
    assertTrue(
        run.out()
            .contains("dgov:hasParty = dgr:connectivity: dgov:hasParty must point at an actor"),
        run.out());
    assertTrue(run.out().contains("violation(s) in 1 file(s)"), run.out());
  }

  /** Duplicates and typos are refused, the message naming the resource that exists already. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "term-invalid-undeclared-property.ttl | dgov:dateSinged = dgov:dateSinged: dgov:dateSinged"
            + " is not a term of the ontology; the closest declared term is dgov:dateSigned",
        "placeholder-invalid-todo-left.ttl | rdfs:label = \"TODO\"@zh: \"TODO\" is a placeholder"
            + " of the scaffold",
        "state-invalid-iso-code-already-used.ttl | dgov:iso3166Alpha2 = \"FR\": the ISO 3166 code"
            + " FR is already the dgov:iso3166Alpha2 of dgr:france (\"France\", data/actors.ttl:",
        "label-invalid-english-already-used.ttl | the label \"Regional Comprehensive Economic"
            + " Partnership\"@en is already the label of dgr:rcep (\"Regional Comprehensive"
            + " Economic Partnership\", data/mechanisms.ttl:",
        "label-invalid-chinese-already-used.ttl | the label \"区域全面经济伙伴关系协定\"@zh is already"
            + " the label of dgr:rcep"
      })
  void duplicatesAndTyposAreRefused(String fixture, String expected) {
    Run run = run("validate", "src/test/resources/shapes/" + fixture);
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains(expected), run.out());
  }

  @Test
  void syntaxErrorExitsTwoNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.ttl");
    Files.writeString(
        file,
        PREFIXES + "dgr:x a dgov:Agreement ;\n  rdfs:label \"x\"@en\n  rdfs:label \"y\"@zh .\n");
    Run run = run("validate", file.toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains(file + ":6:"), run.err());
  }

  @Test
  void reportsAsJsonAndAsShaclReport() {
    String fixture = "src/test/resources/shapes/agreement-invalid-party-not-actor.ttl";
    Run json = run("validate", "--format", "json", fixture);
    assertEquals(1, json.exit());
    org.apache.jena.atlas.json.JsonObject report =
        org.apache.jena.atlas.json.JSON.parse(json.out());
    assertEquals(false, report.get("conforms").getAsBoolean().value());
    assertTrue(
        report.get("findings").getAsArray().get(0).getAsObject().getString("file").equals(fixture),
        json.out());
    Run turtle = run("validate", "--format", "turtle", fixture);
    assertEquals(1, turtle.exit());
    org.apache.jena.graph.Graph graph =
        org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    org.apache.jena.riot.RDFParser.fromString(turtle.out(), org.apache.jena.riot.Lang.TURTLE)
        .parse(graph);
    assertTrue(
        graph.contains(
            org.apache.jena.graph.Node.ANY,
            org.apache.jena.shacl.vocabulary.SHACL.conforms,
            org.apache.jena.graph.NodeFactory.createLiteralDT(
                "false", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)));
  }

  @Test
  void newWritesASkeletonAndRefusesUsedSlugs(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("entry.ttl");
    Run made = run("new", "agreement", "my-new-agreement", "--out", file.toString());
    assertEquals(0, made.exit(), made.err());
    assertTrue(Files.readString(file).contains("dgr:my-new-agreement a dgov:Agreement"));
    Run check = run("validate", file.toString());
    assertEquals(1, check.exit(), "an unfilled skeleton is reported");
    Run taken = run("new", "agreement", "rcep");
    assertEquals(2, taken.exit());
    assertTrue(taken.err().contains("dgr:rcep is already used"), taken.err());
  }

  @Test
  void anEntryAlreadyInDataIsCheckedOnce(@TempDir Path dir) throws IOException {
    TestProjects.copy(dir);
    Path entry = dir.resolve("data/new-agreement.ttl");
    Files.copy(Path.of("src/test/resources/shapes/agreement-valid.ttl"), entry);
    Run run = run("validate", "--root", dir.toString(), entry.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void missingFileExitsTwo() {
    Run run = run("validate", "no/such/file.ttl");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no/such/file.ttl"), run.err());
  }

  @Test
  void formatCheckFailsOnANonCanonicalFileAndFormatFixesIt(@TempDir Path dir) throws IOException {
    TestProjects.copy(dir);
    Path file = dir.resolve("data/extra.ttl");
    Files.writeString(file, PREFIXES + "dgr:connectivity   rdfs:comment \"x\"@en .\n");
    Run check = run("format", "--check", "--root", dir.toString());
    assertEquals(1, check.exit());
    assertTrue(check.out().contains("not canonical: data/extra.ttl"), check.out());
    assertEquals(0, run("format", "--root", dir.toString()).exit());
    assertEquals(0, run("format", "--check", "--root", dir.toString()).exit());
  }

  /** A store that lost curated resources is refused, naming them; no file changes. */
  @Test
  void exportFromDbRefusesAStoreThatLostResources(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    Node rcep = NodeFactory.createURI(DGOV.ID + "rcep");
    Txn.executeWrite(store, () -> deleteWithWhatItHolds(store.getDefaultGraph(), rcep));
    String mechanisms = Files.readString(copy.root().resolve("data/mechanisms.ttl"));
    Run run =
        run("export", "--root", copy.root().toString(), "--from-db", dir.resolve("db").toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(
        run.err()
            .contains(
                "refused: the store no longer describes 1 resource(s) that the curated files"
                    + " describe: dgr:rcep (data/mechanisms.ttl); nothing was written. To write"
                    + " back all the same, give --accept-lost-resources"),
        run.err());
    assertEquals(mechanisms, Files.readString(copy.root().resolve("data/mechanisms.ttl")));
  }

  /** Deletes what {@code graph} says of {@code resource} and of the blank nodes it holds. */
  private static void deleteWithWhatItHolds(Graph graph, Node resource) {
    for (org.apache.jena.graph.Triple t : graph.find(resource, Node.ANY, Node.ANY).toList()) {
      graph.delete(t);
      if (t.getObject().isBlank()) {
        deleteWithWhatItHolds(graph, t.getObject());
      }
    }
  }

  /** What export --from-db changed, file by file. */
  @Test
  void exportFromDbReportsWhatItChangedPerFile(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    Graph entry =
        org.apache.jena.riot.RDFDataMgr.loadGraph("src/test/resources/shapes/agreement-valid.ttl");
    Txn.executeWrite(store, () -> entry.find().forEach(store.getDefaultGraph()::add));
    Run run =
        run("export", "--root", copy.root().toString(), "--from-db", dir.resolve("db").toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(
        "created data/new-entries.ttl: +14 -0 statements\n1 file(s) changed\n",
        run.out().replace(System.lineSeparator(), "\n"));
  }

  /**
   * Pointed at a store that another process holds, as a running writable server does, export says
   * so, naming the folder and that process; not TDB2's lock error.
   */
  @Test
  void exportFromDbOnAHeldStoreNamesTheHolder(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("db");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreHolder.class.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("holding", out.readLine());
      Run run = run("export", "--from-db", db.toString());
      assertEquals(2, run.exit(), run.out() + run.err());
      assertTrue(
          run.err()
              .contains(
                  "the store in "
                      + db
                      + " is in use by process "
                      + holder.pid()
                      + " (it holds "
                      + db.resolve("tdb.lock")
                      + "), most likely a running `serve --writable --db "
                      + db
                      + "`"),
          run.err());
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
  }

  @Test
  void exportFromDbWithoutAStoreSaysSo(@TempDir Path dir) {
    Run run = run("export", "--from-db", dir.resolve("none").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no TDB2 store in " + dir.resolve("none")), run.err());
    assertTrue(!Files.exists(dir.resolve("none")), "no store is made where there was none");
  }

  @Test
  void unknownNamedQueryIsAUsageError() {
    Run run = run("query", "no-such-query");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("named queries: "), run.err());
  }

  @Test
  void queryFollowsTheServersFederationPolicy(@TempDir Path dir) throws Exception {
    try (java.net.ServerSocket canary =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      canary.setSoTimeout(1);
      Path query = dir.resolve("service.rq");
      Files.writeString(
          query,
          "SELECT * WHERE { SERVICE <http://127.0.0.1:"
              + canary.getLocalPort()
              + "/sparql> { ?s ?p ?o } }");
      Run off = run("query", query.toString());
      assertTrue(off.exit() != 0, off.out());
      assertTrue(off.err().contains("`query --federate`"), off.err());
      Run on = run("query", "--federate", query.toString());
      assertTrue(on.exit() != 0, on.out());
      assertTrue(on.err().contains("is not allowed"), on.err());
      assertThrows(
          java.net.SocketTimeoutException.class,
          canary::accept,
          "the command connected to an endpoint the policy refuses");
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"validate", "new", "query", "export", "format", "serve"}) {
      Run run = run(command, "--help");
      assertEquals(0, run.exit(), command);
      assertTrue(run.out().contains("Usage: dgov-kg " + command), run.out());
    }
  }
}
