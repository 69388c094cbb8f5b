package org.dgov.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.dgov.TestProjects;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.History;
import org.dgov.graph.Inference;
import org.dgov.store.Store;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying a patch on a replica: in one transaction with its entailment and its history entry, once
 * (a version applied already is skipped), in order (a gap is refused), and onto the curated files'
 * blank nodes as another process parsed them (stable labels).
 */
class ApplierTest {

  private static final Node FORUM = NodeFactory.createURI(DGOV.ID + "test-replicated-forum");
  private static Store store;
  private static Applier applier;
  private static CuratedGraph otherParse;

  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    CuratedGraph curated = CuratedGraph.loadForServing(TestProjects.repository());
    store = Store.load(dir, curated, Inference.closure(curated));
    applier = new Applier(store);
    otherParse = CuratedGraph.loadForServing(TestProjects.repository());
  }

  private static PatchRecord record(long version, String patch) {
    return new PatchRecord(
        new History.Entry(
            version,
            "alice",
            Instant.parse("2026-12-07T10:00:00Z"),
            "",
            List.of(),
            List.of(),
            0,
            patch),
        "k",
        "s",
        "p");
  }

  private static String patch(boolean add, Triple t) {
    return RDFPatchOps.str(
        RDFPatchOps.build(
            c -> {
              c.txnBegin();
              if (add) {
                c.add(null, t.getSubject(), t.getPredicate(), t.getObject());
              } else {
                c.delete(null, t.getSubject(), t.getPredicate(), t.getObject());
              }
              c.txnCommit();
            }));
  }

  @Test
  void aPatchAppliesOnceWithItsEntailmentAndHistoryAndAGapIsRefused() {
    DatasetGraph dataset = store.dataset();
    Triple forum = Triple.create(FORUM, RDF.type.asNode(), DGOV.Forum.asNode());
    long before = applier.version();
    PatchRecord next = record(before + 1, patch(true, forum));
    assertTrue(applier.apply(next));
    Txn.executeRead(
        dataset,
        () -> {
          assertTrue(dataset.getDefaultGraph().contains(forum));
          Triple actor = Triple.create(FORUM, RDF.type.asNode(), DGOV.Actor.asNode());
          assertTrue(dataset.getDefaultGraph().contains(actor), "its entailment is served");
          assertTrue(dataset.getGraph(Store.ENTAILED).contains(actor), "and listed as entailed");
          assertEquals(next.entry(), History.entry(History.in(dataset), before + 1).orElseThrow());
        });
    long size = Txn.calculateRead(dataset, () -> (long) dataset.getDefaultGraph().size());
    assertFalse(applier.apply(next), "a version applied already is skipped");
    assertEquals(
        size, (long) Txn.calculateRead(dataset, () -> (long) dataset.getDefaultGraph().size()));
    var gap =
        assertThrows(
            Applier.OutOfOrder.class, () -> applier.apply(record(before + 3, patch(true, forum))));
    assertTrue(gap.getMessage().contains("does not follow version " + (before + 1)));
  }

  @Test
  void aPatchNamesTheCuratedBlankNodesAsEveryParseOfTheFilesLabelsThem() {
    Graph data = otherParse.data();
    Triple quoted =
        data.find(Node.ANY, DGOV.quote.asNode(), Node.ANY)
            .filterKeep(t -> t.getSubject().isBlank())
            .next();
    DatasetGraph dataset = store.dataset();
    assertTrue(
        Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().contains(quoted)),
        "the store, made from another parse of the same files, holds the same blank node");
    assertTrue(applier.apply(record(applier.version() + 1, patch(false, quoted))));
    assertFalse(Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().contains(quoted)));
  }
}
