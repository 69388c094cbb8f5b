package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.dgov.TestProjects;
import org.dgov.store.Store;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curated files → TDB2 store → files is a round trip without loss; accepted entries land in a file.
 */
class WriteBackTest {

  @Test
  void roundTripChangesNoFile(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    List<Path> changed = Txn.calculateRead(store, () -> write(copy, Store.asserted(store)));
    assertEquals(List.of(), changed);
    for (Path file : copy.dataFiles()) {
      assertEquals(
          Files.readString(
              TestProjects.repository().root().resolve("data").resolve(file.getFileName())),
          Files.readString(file),
          file + " changed in the round trip");
    }
  }

  @Test
  void acceptedEntriesAreWrittenBackAndStillConform(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    RdfFiles.Parsed entry =
        RdfFiles.parse(
            TestProjects.repository()
                .root()
                .resolve("src/test/resources/shapes/agreement-valid.ttl"),
            "entry");
    Txn.executeWrite(store, () -> entry.graph().find().forEach(store.getDefaultGraph()::add));
    Txn.executeWrite(
        store,
        () ->
            store
                .getDefaultGraph()
                .delete(
                    Triple.create(
                        NodeFactory.createURI(DGOV.ID + "rcep"),
                        DGOV.status.asNode(),
                        DGOV.InForce.asNode())));
    List<Path> changed = Txn.calculateRead(store, () -> write(copy, Store.asserted(store)));
    Path newEntries = copy.root().resolve(WriteBack.NEW_ENTRIES);
    assertTrue(changed.contains(newEntries), changed.toString());
    assertTrue(Files.readString(newEntries).contains("dgr:test-agreement a dgov:Agreement"));
    assertTrue(
        changed.stream().anyMatch(p -> p.endsWith("mechanisms.ttl")),
        "the deleted status leaves its file");
    Report report =
        Validation.validate(CuratedGraph.load(copy), SourceText.read(copy.sourceText()));
    assertTrue(report.conforms(), report.findings().toString());
    for (Path file : changed) {
      String text = Files.readString(file);
      assertEquals(CanonicalTurtle.format(text, file.toString()), text, file + " is not canonical");
    }
  }

  private static List<Path> write(Project project, Graph store) {
    try {
      return WriteBack.write(project, store);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
