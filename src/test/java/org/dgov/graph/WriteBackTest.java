package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
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
    List<WriteBack.FileChange> changed =
        Txn.calculateRead(store, () -> write(copy, Store.asserted(store), Set.of()));
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
    List<WriteBack.FileChange> changes =
        Txn.calculateRead(store, () -> write(copy, Store.asserted(store), Set.of()));
    Path newEntries = copy.root().resolve(WriteBack.NEW_ENTRIES);
    Path mechanisms = copy.root().resolve("data/mechanisms.ttl");
    assertEquals(
        List.of(
            new WriteBack.FileChange(mechanisms, 0, 1, false, false),
            new WriteBack.FileChange(newEntries, 14, 0, true, false)),
        changes,
        "the deleted status leaves its file; the entry's 14 statements make a new file");
    assertTrue(Files.readString(newEntries).contains("dgr:test-agreement a dgov:Agreement"));
    List<Path> changed = changes.stream().map(WriteBack.FileChange::file).toList();
    Report report =
        Validation.validate(CuratedGraph.load(copy), SourceText.read(copy.sourceText()));
    assertTrue(report.conforms(), report.findings().toString());
    for (Path file : changed) {
      String text = Files.readString(file);
      assertEquals(CanonicalTurtle.format(text, file.toString()), text, file + " is not canonical");
    }
  }

  /**
   * A store that lost curated resources (here: all of them, as after a DELETE of the whole default
   * graph) is refused, naming them; nothing is written. Told to accept it, and to delete files, it
   * writes the store back and says what it deleted.
   */
  @Test
  void aStoreThatLostResourcesIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    Map<Path, String> before = contents(copy);
    Txn.executeWrite(store, () -> store.getDefaultGraph().clear());
    WriteBack.Refused refused = refused(copy, store);
    assertEquals(
        Set.of(WriteBack.Allow.LOST_RESOURCES, WriteBack.Allow.EMPTIED_FILES), refused.needed());
    assertTrue(
        refused.getMessage().startsWith("the store no longer describes "), refused.getMessage());
    assertTrue(refused.getMessage().matches(".* and \\d+ more; .*"), refused.getMessage());
    assertTrue(
        refused.getMessage().contains("the store holds no statement of ontology/dgov.ttl ("),
        refused.getMessage());
    assertTrue(refused.getMessage().contains(", data/mechanisms.ttl ("), refused.getMessage());
    assertEquals(before, contents(copy), "a refused write back leaves every file as it was");

    List<WriteBack.FileChange> changes =
        Txn.calculateRead(
            store, () -> write(copy, Store.asserted(store), EnumSet.allOf(WriteBack.Allow.class)));
    assertTrue(changes.stream().allMatch(WriteBack.FileChange::deleted), changes.toString());
    assertEquals(before.size(), changes.size());
    assertTrue(changes.stream().allMatch(c -> c.removed() > 0 && !Files.exists(c.file())));
  }

  /** One lost resource is named with the file that types it; accepted, only its file changes. */
  @Test
  void oneLostResourceIsNamedWithItsFile(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    Node rcep = NodeFactory.createURI(DGOV.ID + "rcep");
    Txn.executeWrite(store, () -> deleteWithWhatItHolds(store.getDefaultGraph(), rcep));
    WriteBack.Refused refused = refused(copy, store);
    assertEquals(
        "the store no longer describes 1 resource(s) that the curated files describe:"
            + " dgr:rcep (data/mechanisms.ttl); nothing was written",
        refused.getMessage());
    List<WriteBack.FileChange> changes =
        Txn.calculateRead(
            store,
            () -> write(copy, Store.asserted(store), Set.of(WriteBack.Allow.LOST_RESOURCES)));
    assertTrue(
        changes.stream()
            .allMatch(c -> !c.deleted() && !c.created() && c.added() == 0 && c.removed() > 0),
        changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.file().endsWith("data/mechanisms.ttl")));
  }

  /**
   * A file whose statements the store no longer holds is not deleted unless told to, even where the
   * resources it speaks of are still described elsewhere.
   */
  @Test
  void aFileLeftEmptyIsDeletedOnlyWhenAllowed(@TempDir Path dir) throws Exception {
    Project copy = TestProjects.copy(dir.resolve("repo"));
    Path extra = copy.root().resolve("data/extra.ttl");
    Files.writeString(
        extra,
        "@prefix dgr: <https://w3id.org/dgov/id/> .\n"
            + "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n"
            + "dgr:rcep skos:editorialNote \"A note to remove.\"@en .\n");
    DatasetGraph store = Store.open(dir.resolve("db"), CuratedGraph.load(copy)).dataset();
    Txn.executeWrite(
        store,
        () ->
            store
                .getDefaultGraph()
                .delete(
                    Triple.create(
                        NodeFactory.createURI(DGOV.ID + "rcep"),
                        SKOS.editorialNote.asNode(),
                        NodeFactory.createLiteralLang("A note to remove.", "en"))));
    WriteBack.Refused refused = refused(copy, store);
    assertEquals(Set.of(WriteBack.Allow.EMPTIED_FILES), refused.needed());
    assertEquals(
        "the store holds no statement of data/extra.ttl (1 statements): the file(s) would be"
            + " deleted; nothing was written",
        refused.getMessage());
    assertTrue(Files.exists(extra));
    List<WriteBack.FileChange> changes =
        Txn.calculateRead(
            store, () -> write(copy, Store.asserted(store), Set.of(WriteBack.Allow.EMPTIED_FILES)));
    assertEquals(List.of(new WriteBack.FileChange(extra, 0, 1, false, true)), changes);
    assertFalse(Files.exists(extra));
  }

  /** Deletes what {@code graph} says of {@code resource} and of the blank nodes it holds. */
  private static void deleteWithWhatItHolds(Graph graph, Node resource) {
    for (Triple t : graph.find(resource, Node.ANY, Node.ANY).toList()) {
      graph.delete(t);
      if (t.getObject().isBlank()) {
        deleteWithWhatItHolds(graph, t.getObject());
      }
    }
  }

  private static Map<Path, String> contents(Project project) throws IOException {
    Map<Path, String> contents = new TreeMap<>();
    for (Path file : project.ontologyFiles()) {
      contents.put(file, Files.readString(file));
    }
    for (Path file : project.dataFiles()) {
      contents.put(file, Files.readString(file));
    }
    return contents;
  }

  private static List<WriteBack.FileChange> write(
      Project project, Graph store, Set<WriteBack.Allow> allowed) {
    try {
      return WriteBack.write(project, store, allowed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Why writing {@code store} back without allowing anything is refused. */
  private static WriteBack.Refused refused(Project project, DatasetGraph store) {
    store.begin(TxnType.READ);
    try {
      return assertThrows(
          WriteBack.Refused.class, () -> WriteBack.write(project, Store.asserted(store), Set.of()));
    } finally {
      store.end();
    }
  }
}
