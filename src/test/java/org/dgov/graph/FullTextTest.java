package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The full-text index of a store follows its default graph only, at start as after writes. */
class FullTextTest {

  private static final Path CONFIG = Path.of("fuseki-config.ttl");
  private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/dgov/graph/history");
  private static final Node LABEL = RDFS.label.asNode();

  @Test
  void aNamedGraphsLabelIsNotIndexedWhenWrittenNorAtStart() {
    DatasetGraph store = TDB2Factory.createDataset().asDatasetGraph();
    Txn.executeWrite(
        store,
        () -> {
          store.getGraph(GRAPH).add(uri("started-named"), LABEL, literal("quokka"));
          store.getDefaultGraph().add(uri("started-default"), LABEL, literal("quokka"));
        });
    DatasetGraph indexed = FullText.following(store, FullText.declared(CONFIG));
    assertEquals(List.of(uri("started-default")), found(indexed, "quokka"), "indexed at start");

    Txn.executeWrite(
        indexed,
        () -> {
          indexed.getGraph(GRAPH).add(uri("written-named"), LABEL, literal("wombat"));
          indexed.getDefaultGraph().add(uri("written-default"), LABEL, literal("wombat"));
        });
    assertEquals(List.of(uri("written-default")), found(indexed, "wombat"), "indexed when written");

    Txn.executeWrite(
        indexed,
        () -> {
          indexed.getGraph(GRAPH).delete(uri("written-named"), LABEL, literal("wombat"));
          indexed.getDefaultGraph().delete(uri("written-default"), LABEL, literal("wombat"));
        });
    assertEquals(List.of(), found(indexed, "wombat"), "a deletion leaves the index");
  }

  private static List<Node> found(DatasetGraph dataset, String word) {
    List<Node> found = new ArrayList<>();
    Txn.executeRead(
        dataset,
        () ->
            QueryExec.dataset(dataset)
                .query(
                    "PREFIX text: <http://jena.apache.org/text#>"
                        + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                        + " SELECT ?s { ?s text:query (rdfs:label \""
                        + word
                        + "\") }")
                .select()
                .forEachRemaining(row -> found.add(row.get("s"))));
    return found;
  }

  private static Node uri(String name) {
    return NodeFactory.createURI("https://w3id.org/dgov/id/" + name);
  }

  private static Node literal(String text) {
    return NodeFactory.createLiteralString(text);
  }
}
