package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.dgov.TestProjects;
import org.dgov.graph.Inputs;
import org.dgov.graph.Project;
import org.dgov.store.Store;
import org.dgov.store.Users;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a writable server checks its store when it starts: a new store is made only from curated
 * files that conform; a store checked before with the same inputs and build is not checked again,
 * any other is checked as a whole.
 */
class WritableStartTest {

  private static final String BROKEN =
      "@prefix dgov: <https://w3id.org/dgov/ontology#> .\n@prefix dgr: <https://w3id.org/dgov/id/> .\n"
          + "dgr:rcep dgov:hasParty dgr:connectivity .\n";

  private static final Triple VIOLATION =
      Triple.create(
          NodeFactory.createURI(DGOV.ID + "rcep"),
          DGOV.hasParty.asNode(),
          NodeFactory.createURI(DGOV.ID + "connectivity"));

  @Test
  void aNewStoreIsMadeOnlyFromConformingFiles(@TempDir Path dir) throws Exception {
    Project project = TestProjects.copy(dir.resolve("repo"));
    Files.writeString(project.root().resolve("data/broken.ttl"), BROKEN);
    assertThrows(NonConformingData.class, () -> start(project, dir));
    assertTrue(Store.isNew(dir.resolve("db")), "nothing was loaded");
    assertFalse(Files.exists(dir.resolve("db").resolve(Store.CHECKED)));
  }

  @Test
  void aStoreCheckedWithTheSameInputsIsNotCheckedAgain(@TempDir Path dir) throws Exception {
    Project project = TestProjects.copy(dir.resolve("repo"));
    Path db = dir.resolve("db");
    start(project, dir).stop();
    assertEquals(
        Inputs.key(project, false).orElseThrow(),
        Files.readString(db.resolve(Store.CHECKED)).strip(),
        "the first start remembers the inputs it checked the store with");
    // a statement no write could have made, put in behind the server's back
    DatasetGraph store = TDB2Factory.connectDataset(db.toString()).asDatasetGraph();
    Txn.executeWrite(store, () -> store.getDefaultGraph().add(VIOLATION));
    start(project, dir).stop(); // trusted: every write was validated as it was made

    Files.writeString(
        project.root().resolve("shapes/zz-note.ttl"), "# a shapes file that changes the key\n");
    NonConformingData changed = assertThrows(NonConformingData.class, () -> start(project, dir));
    assertTrue(
        changed.report().findings().stream()
            .anyMatch(f -> f.message().contains("dgov:hasParty must point at an actor")),
        changed.report().findings().toString());

    Files.delete(project.root().resolve("shapes/zz-note.ttl"));
    Files.delete(db.resolve(Store.CHECKED));
    assertThrows(
        NonConformingData.class,
        () -> start(project, dir),
        "without the record of a check, the whole store is checked");
  }

  private static org.apache.jena.fuseki.main.FusekiServer start(Project project, Path dir)
      throws Exception {
    return DgovServer.start(
        project,
        0,
        true,
        new DgovServer.Writes(dir.resolve("db"), Users.read(TestProjects.usersFile(dir))));
  }
}
