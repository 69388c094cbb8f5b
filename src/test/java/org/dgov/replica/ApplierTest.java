package org.dgov.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.dgov.TestProjects;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.History;
import org.dgov.graph.Inference;
import org.dgov.store.RandomPatches;
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
    return patch(add ? new Change(Set.of(t), Set.of()) : new Change(Set.of(), Set.of(t)));
  }

  /** The patch of {@code change}, as the primary writes it: what it removes, then what it adds. */
  private static String patch(Change change) {
    return RDFPatchOps.str(
        RDFPatchOps.build(
            c -> {
              c.txnBegin();
              change
                  .removed()
                  .forEach(t -> c.delete(null, t.getSubject(), t.getPredicate(), t.getObject()));
              change
                  .added()
                  .forEach(t -> c.add(null, t.getSubject(), t.getPredicate(), t.getObject()));
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

  @Test
  void aStatementAssertedAfterAnEarlierPatchOfTheBatchTookItsEntailmentAwayStaysAsserted() {
    Node body = NodeFactory.createURI(DGOV.ID + "test-replicated-body");
    Triple forum = Triple.create(body, RDF.type.asNode(), DGOV.Forum.asNode());
    Triple actor = Triple.create(body, RDF.type.asNode(), DGOV.Actor.asNode());
    long v = applier.version();
    assertTrue(applier.apply(record(v + 1, patch(true, forum))));
    assertEquals(
        2,
        applier.apply(
            List.of(record(v + 2, patch(false, forum)), record(v + 3, patch(true, actor)))));
    DatasetGraph dataset = store.dataset();
    Txn.executeRead(
        dataset,
        () -> {
          assertFalse(dataset.getDefaultGraph().contains(forum));
          assertTrue(dataset.getDefaultGraph().contains(actor), "what the last patch asserts");
          assertFalse(
              dataset.getGraph(Store.ENTAILED).contains(actor),
              "is asserted, not entailed: nothing entails it any more");
        });
  }

  /**
   * Random exact patches, as the primary writes them, applied one by one to one store and in
   * batches of random size to another: the two end the same, entailment and history included; and
   * the batches hold the case a batch must take care of (a patch asserting what the store listed as
   * entailed before the batch).
   */
  @Test
  void patchesAppliedInBatchesMakeTheStoreTheyMakeOneByOne(@TempDir Path one, @TempDir Path many)
      throws Exception {
    CuratedGraph curated = CuratedGraph.loadForServing(TestProjects.repository());
    Graph served = Inference.closure(curated);
    Store oneByOne = Store.load(one, curated, served);
    Store batched = Store.load(many, curated, served);
    Applier primary = new Applier(oneByOne);
    Applier replica = new Applier(batched);
    DatasetGraph dataset = oneByOne.dataset();
    Random random = new Random(7);
    RandomPatches patches =
        Txn.calculateRead(dataset, () -> RandomPatches.of(dataset.getDefaultGraph()));
    List<PatchRecord> records = new ArrayList<>();
    for (int v = 1; v <= 40; v++) {
      Change change =
          Txn.calculateRead(
              dataset,
              () -> patches.patch(random, dataset.getDefaultGraph(), Store.asserted(dataset)));
      PatchRecord record = record(v, patch(change));
      assertTrue(primary.apply(record));
      records.add(record);
    }
    int reasserted = 0;
    for (int from = 0; from < records.size(); ) {
      List<PatchRecord> batch =
          records.subList(from, Math.min(records.size(), from + 1 + random.nextInt(30)));
      reasserted += reassertingListed(batched, batch);
      assertEquals(batch.size(), replica.apply(batch));
      from += batch.size();
    }
    assertTrue(reasserted > 0, "the random patches hold the case batches must take care of");
    Txn.executeRead(
        dataset,
        () ->
            Txn.executeRead(
                batched.dataset(),
                () -> {
                  DatasetGraph other = batched.dataset();
                  for (Node g : List.of(Quad.defaultGraphIRI, Store.ENTAILED, History.GRAPH)) {
                    assertTrue(
                        graph(dataset, g).isIsomorphicWith(graph(other, g)),
                        "the graph " + g + " is the same in batches as one by one");
                  }
                }));
  }

  private static Graph graph(DatasetGraph dataset, Node name) {
    return Quad.isDefaultGraph(name) ? dataset.getDefaultGraph() : dataset.getGraph(name);
  }

  /** How many patches of {@code batch} assert what {@code store} lists as entailed now. */
  private static int reassertingListed(Store store, List<PatchRecord> batch) {
    DatasetGraph dataset = store.dataset();
    return Txn.calculateRead(
        dataset,
        () -> {
          Graph listed = dataset.getGraph(Store.ENTAILED);
          int n = 0;
          for (PatchRecord r : batch) {
            boolean[] hit = {false};
            RDFPatchOps.read(
                    new java.io.ByteArrayInputStream(
                        r.entry().patch().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .apply(
                    new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
                      @Override
                      public void add(Node g, Node s, Node p, Node o) {
                        hit[0] |= listed.contains(Triple.create(s, p, o));
                      }
                    });
            n += hit[0] ? 1 : 0;
          }
          return n;
        });
  }
}
