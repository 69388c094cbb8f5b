package org.dgov.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.system.Txn;
import org.dgov.graph.Change;
import org.dgov.graph.History;
import org.dgov.graph.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writable dataset: Jena's changes-recording dataset over the store, so that each write
 * transaction yields what it really changed. Before it commits, under the store's lock, the change
 * must keep the invariants ({@link WriteRules}: only the default graph is written; the ontology's
 * statements are left alone; no described resource is removed unless the request names it; no mass
 * deletion), the store's entailment is brought up to date from it, the change is validated, and it
 * is kept as the next version of the {@link History} in the same transaction. A write that breaks
 * an invariant or conformance is rolled back and answered 422 with the reason or the report. SPARQL
 * Update {@code LOAD}, which would read from the network or the file system, is refused ({@link
 * NoLoad}).
 */
public final class ValidatingDataset extends DatasetGraphWrapper {

  /** Checks the store inside the write transaction, given the change to the served graph. */
  public interface Validator {
    Report validate(Store store, Change served);
  }

  /** The request header that names the entries a write deletes on purpose. */
  public static final String DELETE_HEADER = "Dgov-Delete-Entry";

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");

  private final Store store;
  private final ChangeRecorder recorder;
  private final WriteRules rules;
  private final Validator validator;
  private final Supplier<WriteRequest> request;
  private final Consumer<Refusal> rejected;
  private final ThreadLocal<Long> reverting = new ThreadLocal<>();

  /**
   * @param store the store that is served, whose uncommitted state is validated
   * @param ontology the ontology's statements, which writes may not change
   * @param validator checks the store inside the write transaction
   * @param request who is writing, on the request's thread
   * @param rejected told why a write was rolled back, on the request's thread, to answer it with
   */
  public ValidatingDataset(
      Store store,
      Graph ontology,
      Validator validator,
      Supplier<WriteRequest> request,
      Consumer<Refusal> rejected) {
    this(store, new ChangeRecorder(store.dataset()), ontology, validator, request, rejected);
  }

  private ValidatingDataset(
      Store store,
      ChangeRecorder recorder,
      Graph ontology,
      Validator validator,
      Supplier<WriteRequest> request,
      Consumer<Refusal> rejected) {
    super(new DatasetGraphChanges(store.dataset(), recorder));
    this.store = store;
    this.recorder = recorder;
    this.rules = new WriteRules(ontology);
    this.validator = validator;
    this.request = request;
    this.rejected = rejected;
  }

  /** The version of the data this thread's transaction sees (0 before the first write). */
  public long version() {
    return Txn.calculateRead(
        store.dataset(), () -> History.version(store.dataset().getGraph(History.GRAPH)));
  }

  @Override
  public void commit() {
    if (!isInTransaction() || transactionMode() != ReadWrite.WRITE) {
      super.commit();
      return;
    }
    synchronized (store) {
      ChangeRecorder.Recorded recorded = recorder.recorded();
      recorder.clear();
      if (recorded.isEmpty()) {
        super.commit();
        return;
      }
      try {
        accept(recorded);
      } catch (Refused e) {
        abort();
        rejected.accept(e.refusal());
        throw e;
      } catch (RuntimeException e) {
        abort();
        throw e;
      }
      super.commit();
    }
  }

  /**
   * Checks the invariants ({@link WriteRules}), entails, validates and records {@code recorded};
   * throws {@link Refused} 422 with the reason when the write may not commit.
   */
  private void accept(ChangeRecorder.Recorded recorded) {
    WriteRequest who = request.get();
    if (who == null) {
      throw new IllegalStateException("a write with no user");
    }
    rules.defaultGraphOnly(recorded);
    DatasetGraph dataset = store.dataset();
    Graph entailed = dataset.getGraph(Store.ENTAILED);
    ChangeRecorder.Recorded asserted =
        new ChangeRecorder.Recorded(
            recorded.added(),
            recorded.removed().stream()
                .filter(q -> !entailed.contains(q.asTriple()))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    // a statement there by entailment only is not the write's to remove: it stays while entailed
    recorded.removed().stream()
        .filter(q -> entailed.contains(q.asTriple()))
        .forEach(q -> dataset.getDefaultGraph().add(q.asTriple()));
    if (asserted.isEmpty()) {
      return;
    }
    Set<Triple> added = triples(asserted.added());
    Set<Triple> removed = triples(asserted.removed());
    Graph assertedGraph = Store.asserted(dataset);
    rules.noMassDeletion(assertedGraph, added, removed);
    rules.ontologyUntouched(added, removed);
    Set<Node> deleted = rules.deletedEntries(assertedGraph, removed);
    Long reverts = reverting.get();
    if (reverts == null) {
      rules.deletionsNamed(deleted, who.deletions());
    }
    Change served = store.entail(new Change(added, removed));
    Report report = validator.validate(store, served);
    if (!report.conforms()) {
      throw new Refused(
          new Refusal(422, "the write would make the graph non-conforming; rolled back", report));
    }
    Graph history = dataset.getGraph(History.GRAPH);
    long version = History.version(history) + 1;
    RDFPatch patch =
        asserted.patch(
            History.activity(version), version > 1 ? History.activity(version - 1) : null);
    String message =
        reverts == null
            ? who.message()
            : ("revert of version " + reverts + " " + who.message()).strip();
    History.record(
        history,
        new History.Entry(
            version,
            who.user(),
            Instant.now(),
            message,
            Stream.concat(added.stream(), removed.stream())
                .map(Triple::getSubject)
                .filter(Node::isURI)
                .distinct()
                .toList(),
            List.copyOf(deleted),
            reverts == null ? 0 : reverts,
            RDFPatchOps.str(patch)));
    if (!deleted.isEmpty()) {
      LOG.info("version {}: {} deleted {} ({})", version, who.user(), deleted, message);
    }
  }

  /**
   * Applies the inverse of the write of {@code version} as a new write, validated and recorded like
   * any; returns the new version, or 0 when the inverse changes nothing.
   */
  public long revert(long version) {
    reverting.set(version);
    try {
      return Txn.calculateWrite(
          this,
          () -> {
            Graph history = store.dataset().getGraph(History.GRAPH);
            History.Entry entry =
                History.entry(history, version)
                    .orElseThrow(
                        () -> new ActionErrorException(404, "no version " + version, null));
            RDFPatch patch =
                RDFPatchOps.read(
                    new ByteArrayInputStream(entry.patch().getBytes(StandardCharsets.UTF_8)));
            patch.apply(
                new RDFChangesBase() {
                  @Override
                  public void add(Node g, Node s, Node p, Node o) {
                    ValidatingDataset.this.delete(quadGraph(g), s, p, o);
                  }

                  @Override
                  public void delete(Node g, Node s, Node p, Node o) {
                    ValidatingDataset.this.add(quadGraph(g), s, p, o);
                  }
                });
            return recorder.recorded().isEmpty() ? 0 : History.version(history) + 1;
          });
    } finally {
      reverting.remove();
    }
  }

  /** Tells {@code refusal} to whoever answers this thread's request, before it is thrown. */
  void rejected(Refusal refusal) {
    rejected.accept(refusal);
  }

  private static Set<Triple> triples(Set<Quad> quads) {
    return quads.stream().map(Quad::asTriple).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Node quadGraph(Node g) {
    return g == null ? Quad.defaultGraphIRI : g;
  }

  static {
    UpdateEngineRegistry.get().add(new NoLoad());
  }
}
