package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;

/**
 * A write that removes 100 or more asserted statements may remove at most half of those there
 * before it; the rule reads no more of the store than the write's own size to tell.
 */
class WriteRulesTest {

  static {
    JenaSystem.init();
  }

  private final WriteRules rules = new WriteRules(Graph.emptyGraph);

  @Test
  void removingMoreThanHalfOfTheAssertedStatementsIsAMassDeletion() {
    // 100 removed of 199: more than half
    Refused refused =
        assertThrows(
            Refused.class,
            () -> rules.noMassDeletion(graph(statements(0, 99)), Set.of(), statements(99, 199)));
    assertEquals(422, refused.refusal().status());
    assertTrue(
        refused.refusal().reason().contains("removes 100 of the 199 asserted statements"),
        refused.refusal().reason());
    assertTrue(refused.refusal().reason().contains(ValidatingDataset.DELETE_HEADER));
    // 100 removed of 200: half
    assertDoesNotThrow(
        () -> rules.noMassDeletion(graph(statements(0, 100)), Set.of(), statements(100, 200)));
  }

  @Test
  void whatTheWriteAddsCountsAsThereAfterItNotBefore() {
    Set<Triple> added = statements(1000, 1050);
    // left 149 with the 50 added: 99 there before it and not removed, 100 removed of 199
    Refused refused =
        assertThrows(
            Refused.class,
            () ->
                rules.noMassDeletion(graph(statements(0, 99), added), added, statements(99, 199)));
    assertTrue(
        refused.refusal().reason().contains("removes 100 of the 199 asserted statements"),
        refused.refusal().reason());
    assertDoesNotThrow(
        () -> rules.noMassDeletion(graph(statements(0, 100), added), added, statements(100, 200)));
  }

  @Test
  void fewerThanAHundredRemovedIsNeverAMassDeletion() {
    assertDoesNotThrow(() -> rules.noMassDeletion(graph(Set.of()), Set.of(), statements(0, 99)));
  }

  @Test
  void statementsThereByEntailmentOnlyAreNotCounted() {
    DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    statements(0, 99).forEach(dataset.getDefaultGraph()::add);
    Set<Triple> entailed =
        IntStream.range(0, 500)
            .mapToObj(i -> Triple.create(node(i), RDFS.label.asNode(), node(i)))
            .collect(Collectors.toSet());
    entailed.forEach(dataset.getDefaultGraph()::add);
    entailed.forEach(dataset.getGraph(Store.ENTAILED)::add);
    Refused refused =
        assertThrows(
            Refused.class,
            () -> rules.noMassDeletion(Store.asserted(dataset), Set.of(), statements(99, 199)));
    assertTrue(
        refused.refusal().reason().contains("of the 199 asserted statements"),
        refused.refusal().reason());
  }

  @Test
  void theRuleReadsNoMoreOfTheStoreThanTheWriteHolds() {
    AtomicInteger read = new AtomicInteger();
    Graph store =
        new GraphWrapper(graph(statements(0, 100_000))) {
          @Override
          public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            return super.find(s, p, o).mapWith(t -> counted(read, t));
          }

          @Override
          public int size() {
            throw new AssertionError("the rule counted the whole store");
          }
        };
    Set<Triple> added = statements(200_000, 200_010);
    assertDoesNotThrow(() -> rules.noMassDeletion(store, added, statements(100_000, 100_200)));
    assertTrue(read.get() <= 210, read.get() + " statements read for a write of 210");
  }

  private static Triple counted(AtomicInteger read, Triple t) {
    read.incrementAndGet();
    return t;
  }

  /** The statements numbered from {@code from} up to {@code to}, one subject each. */
  private static Set<Triple> statements(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> Triple.create(node(i), DGOV.coversTopic.asNode(), node(-1)))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @SafeVarargs
  private static Graph graph(Set<Triple>... parts) {
    Graph graph = GraphFactory.createDefaultGraph();
    for (Set<Triple> part : parts) {
      part.forEach(graph::add);
    }
    return graph;
  }

  private static Node node(int i) {
    return NodeFactory.createURI(DGOV.ID + "s" + i);
  }
}
