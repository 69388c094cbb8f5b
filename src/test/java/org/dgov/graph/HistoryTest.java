package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The history reads back what was recorded, in order, by version and by resource. */
class HistoryTest {

  private static final Node RCEP = NodeFactory.createURI("https://w3id.org/dgov/id/rcep");
  private static final Node APEC = NodeFactory.createURI("https://w3id.org/dgov/id/apec");

  private static History.Entry entry(long version, Node subject, long reverts) {
    return new History.Entry(
        version,
        "alice",
        Instant.parse("2026-12-07T03:00:0" + version + ".123456789Z"),
        version == 1 ? "" : "change " + version,
        List.of(subject),
        version == 3 ? List.of(subject) : List.of(),
        reverts,
        "TX .\nTC .\n");
  }

  @Test
  void recordedWritesReadBackInOrderByVersionAndByResource() {
    Graph history = GraphFactory.createDefaultGraph();
    assertEquals(0, History.version(history));
    List<History.Entry> written = List.of(entry(1, RCEP, 0), entry(2, APEC, 0), entry(3, RCEP, 1));
    written.forEach(e -> History.record(history, e));
    assertEquals(3, History.version(history));
    assertEquals(written, History.since(history, 0, 100));
    assertEquals(written.subList(1, 2), History.since(history, 1, 1));
    assertEquals(List.of(), History.since(history, 3, 100));
    assertEquals(List.of(written.get(2), written.get(0)), History.about(history, RCEP));
    assertTrue(History.entry(history, 4).isEmpty());
    Graph rdf = History.describe(history, written);
    assertTrue(
        rdf.contains(
            History.activity(3),
            NodeFactory.createURI("http://www.w3.org/ns/prov#wasInformedBy"),
            History.activity(2)));
  }

  @Test
  void writesRecordedTogetherAreRecordedAsOneByOne() {
    List<History.Entry> written = List.of(entry(1, RCEP, 0), entry(2, APEC, 0), entry(3, RCEP, 1));
    Graph one = GraphFactory.createDefaultGraph();
    written.forEach(e -> History.record(one, e));
    Graph together = GraphFactory.createDefaultGraph();
    History.record(together, written.subList(0, 1));
    History.record(together, written.subList(1, 3));
    assertEquals(one.find().toSet(), together.find().toSet());
  }

  @Test
  void aVersionOutOfOrderIsRefused() {
    Graph history = GraphFactory.createDefaultGraph();
    History.record(history, entry(1, RCEP, 0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> History.record(history, entry(3, RCEP, 0)));
    assertTrue(e.getMessage().contains("version 3 does not follow version 1"), e.getMessage());
  }
}
