package org.dgov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dgov.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Exit codes and messages as a curator sees them at the command line. */
class CliTest {

  private static final String PREFIXES =
      """
      @prefix dgov: <https://w3id.org/dgov/ontology#> .
      @prefix dgr: <https://w3id.org/dgov/id/> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      """;

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

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

  @Test
  void unknownNamedQueryIsAUsageError() {
    Run run = run("query", "no-such-query");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("named queries: "), run.err());
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
