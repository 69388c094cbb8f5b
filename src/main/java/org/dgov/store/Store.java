package org.dgov.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Difference;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.dgov.graph.Change;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Inference;

/**
 * The TDB2 store of a writable server. Its default graph holds the curated ontology and data as
 * asserted together with everything RDFS entails from them, so that queries run on TDB2's own
 * indexes with no inference at query time (the rules' derivations are entailed the same way). The
 * named graph {@link #ENTAILED} lists the statements that stand there only by entailment: without
 * them the default graph is the asserted graph, which is validated and written back to the files.
 *
 * <p>The entailment is brought up to date inside each write transaction ({@link #entail}), from the
 * change the transaction made, before the transaction is validated; the store keeps no copy of it
 * outside TDB2. {@link #ENTAILED} belongs to the store: the server refuses writes to it ({@link
 * ValidatingDataset}). A statement that is both asserted and entailed counts as entailed, so it is
 * not written back.
 */
public final class Store {

  /** The named graph of the statements that are in the default graph only by entailment. */
  public static final Node ENTAILED = NodeFactory.createURI("https://w3id.org/dgov/graph/entailed");

  /** The file, in the store's folder, that names the inputs the whole store was checked with. */
  public static final String CHECKED = "dgov-checked";

  private final Path dir;
  private final DatasetGraph dataset;
  private final Inference inference;

  private Store(Path dir, DatasetGraph dataset, Inference inference) {
    this.dir = dir;
    this.dataset = dataset;
    this.inference = inference;
  }

  /**
   * Opens the store in {@code dir}, loading the curated files with their entailment on first start;
   * a store without entailment (loaded by other tools) gets it here.
   */
  public static Store open(Path dir, CuratedGraph curated) {
    if (isNew(dir)) {
      return load(dir, curated, Inference.closure(curated));
    }
    DatasetGraph dataset = connect(dir);
    Store store = new Store(dir, dataset, Inference.of(curated));
    Txn.executeWrite(
        dataset,
        () -> {
          if (dataset.getGraph(ENTAILED).isEmpty()) {
            entail(dataset, store.inference);
          }
        });
    return store;
  }

  /** Whether {@code dir} holds no store yet, or an empty one. */
  public static boolean isNew(Path dir) {
    DatasetGraph dataset = connect(dir);
    return Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().isEmpty());
  }

  /**
   * Makes the new store in {@code dir} from {@code served}, the closure of {@code curated} (its
   * asserted statements with what they entail), with TDB2's bulk loader; the statements {@code
   * curated} does not assert are listed in {@link #ENTAILED}.
   */
  public static Store load(Path dir, CuratedGraph curated, Graph served) {
    DatasetGraph dataset = connect(dir);
    Graph asserted = curated.view();
    DataLoader loader = LoaderFactory.phasedLoader(dataset, (MonitorOutput) (format, args) -> {});
    loader.startBulk();
    try {
      StreamRDF stream = loader.stream();
      served
          .find()
          .forEach(
              t -> {
                stream.triple(t);
                if (!asserted.contains(t)) {
                  stream.quad(Quad.create(ENTAILED, t));
                }
              });
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw e;
    }
    Txn.executeWrite(
        dataset,
        () -> dataset.prefixes().putAll(curated.data().getPrefixMapping().getNsPrefixMap()));
    return new Store(dir, dataset, Inference.of(curated));
  }

  /**
   * Whether the whole store was found conforming with inputs of {@code key} ({@link
   * org.dgov.graph.Inputs}): every write since was validated as it was made, with the same checks,
   * so the store still conforms. A store changed by other tools than the server must be checked
   * again: delete the file {@value #CHECKED} in its folder.
   */
  public boolean checkedWith(String key) {
    try {
      return marked(dir, CHECKED).filter(key::equals).isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** Remembers that the whole store was found conforming with inputs of {@code key}. */
  public void checked(String key) throws IOException {
    mark(dir, CHECKED, key);
  }

  /**
   * Remembers {@code key} in the marker file {@code name} of the store folder {@code dir}, written
   * whole or not at all (a new file moved into place), so that a crash never leaves half a key.
   */
  public static void mark(Path dir, String name, String key) throws IOException {
    Path partial = dir.resolve(name + ".part");
    Files.writeString(partial, key + "\n");
    Files.move(
        partial,
        dir.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The key in the marker file {@code name} of the store folder {@code dir}, if it has one. */
  public static Optional<String> marked(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.isRegularFile(file)
        ? Optional.of(Files.readString(file).strip())
        : Optional.empty();
  }

  private static DatasetGraph connect(Path dir) {
    return TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
  }

  /**
   * This store with its dataset seen through {@code view}, a dataset that passes reads and writes
   * on to it (the full-text index that follows its writes, for one).
   */
  public Store through(UnaryOperator<DatasetGraph> view) {
    return new Store(dir, view.apply(dataset), inference);
  }

  /** The TDB2 dataset, or the view of it this store was made {@link #through}. */
  public DatasetGraph dataset() {
    return dataset;
  }

  /**
   * The statements of {@code dataset} as asserted: its default graph without those that stand there
   * only by entailment, a view. Its size is counted on TDB2's indexes, not by reading every
   * statement: {@link #ENTAILED} lists only statements of the default graph. Call inside a
   * transaction.
   */
  public static Graph asserted(DatasetGraph dataset) {
    Graph served = dataset.getDefaultGraph();
    Graph entailed = dataset.getGraph(ENTAILED);
    return new Difference(served, entailed) {
      @Override
      protected int graphBaseSize() {
        return served.size() - entailed.size();
      }
    };
  }

  /**
   * Adds to {@code dataset}'s default graph, and lists in {@link #ENTAILED}, what {@code inference}
   * entails from its statements, as after a bulk load; returns how many statements were entailed.
   * Call inside a write transaction on a store that has no entailment yet.
   */
  public static long entail(DatasetGraph dataset, Inference inference) {
    Set<Triple> entailed = inference.entailed(dataset.getDefaultGraph());
    Graph listed = dataset.getGraph(ENTAILED);
    entailed.forEach(
        t -> {
          dataset.getDefaultGraph().add(t);
          listed.add(t);
        });
    return entailed.size();
  }

  /**
   * Brings the entailment up to date with {@code asserted}, the change this transaction made to the
   * asserted statements of the default graph: what is no longer entailed goes, what is newly
   * entailed comes, at a cost that follows the change ({@link Inference#update}). Returns the
   * change to the served default graph (asserted and entailed together), which is what validation
   * of the write looks at. Call inside the write transaction, before it is validated.
   *
   * <p>The entailment is read from and written to the transaction's own graphs, so an aborted write
   * takes its entailment with it. {@link #ENTAILED} is trusted to be the store's: a write to it is
   * refused before it gets here. A read replica calls it too, after applying a patch.
   */
  public Change entail(Change asserted) {
    return inference.update(dataset.getDefaultGraph(), dataset.getGraph(ENTAILED), asserted);
  }

  /**
   * A copy of the store's asserted content, as a curated graph to validate as a whole (one scan of
   * the store; validation reads the graph many times), with the ontology and rules it is served
   * with. Call inside a transaction. The pages read the store in place ({@link #asserted}) instead:
   * a copy costs the store's size in memory and time.
   */
  public CuratedGraph snapshot(CuratedGraph curated) {
    Graph copy = copy(asserted(dataset));
    copy.getPrefixMapping().setNsPrefixes(dataset.getDefaultGraph().getPrefixMapping());
    return new CuratedGraph(
        curated.ontology(), copy, curated.shapes(), curated.rules(), curated.files());
  }

  private static Graph copy(Graph graph) {
    Graph copy = GraphFactory.createDefaultGraph();
    graph.find().forEach(copy::add);
    return copy;
  }
}
