package org.dgov.server;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.dgov.graph.CuratedGraph;

/**
 * The TDB2 store of a writable server: the curated ontology and data, as asserted, in the default
 * graph.
 */
public final class Store {

  private Store() {}

  /** Opens the store in {@code dir}, loading the curated files on first start. */
  public static DatasetGraph open(Path dir, CuratedGraph curated) {
    DatasetGraph store = TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
    Txn.executeWrite(
        store,
        () -> {
          if (store.getDefaultGraph().isEmpty()) {
            curated.union().find().forEach(store.getDefaultGraph()::add);
            store.prefixes().putAll(curated.union().getPrefixMapping().getNsPrefixMap());
          }
        });
    return store;
  }

  /** The store's current content as a curated graph, for validation; call inside a transaction. */
  static CuratedGraph asCurated(DatasetGraph store, CuratedGraph curated) {
    return new CuratedGraph(
        GraphFactory.createDefaultGraph(),
        store.getDefaultGraph(),
        curated.shapes(),
        curated.files());
  }

  /** A copy of the store's content, usable after the transaction ends. */
  static CuratedGraph snapshot(DatasetGraph store, CuratedGraph curated) {
    Graph copy = GraphFactory.createDefaultGraph();
    store.getDefaultGraph().find().forEach(copy::add);
    copy.getPrefixMapping().setNsPrefixes(store.getDefaultGraph().getPrefixMapping());
    return new CuratedGraph(
        GraphFactory.createDefaultGraph(), copy, curated.shapes(), curated.files());
  }
}
