package org.dgov.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.dgov.graph.Change;
import org.dgov.graph.History;
import org.dgov.graph.Report;
import org.dgov.vocab.DGOV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writable dataset: Jena's changes-recording dataset over the store, so that each write
 * transaction yields what it really changed. Before it commits, under the store's lock, the change
 * must keep the invariants (only the default graph is written; the ontology's statements are left
 * alone; no described resource is removed unless the request names it; no mass deletion), the
 * store's entailment is brought up to date from it, the change is validated, and it is kept as the
 * next version of the {@link History} in the same transaction. A write that breaks an invariant or
 * conformance is rolled back and answered 422 with the reason or the report. SPARQL Update {@code
 * LOAD}, which would read from the network or the file system, is refused.
 */
public final class ValidatingDataset extends DatasetGraphWrapper {

  /** Checks the store inside the write transaction, given the change to the served graph. */
  public interface Validator {
    Report validate(Store store, Change served);
  }

  /** A write may delete at most this many entries. */
  static final int MAX_DELETED_ENTRIES = 10;

  /** The request header that names the entries a write deletes on purpose. */
  public static final String DELETE_HEADER = "Dgov-Delete-Entry";

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");
  private static final Node TYPE = RDF.type.asNode();
  private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::toString);

  private final Store store;
  private final ChangeRecorder recorder;
  private final Graph ontology;
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
    this.ontology = ontology;
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
        rejected.accept(e.refusal);
        throw e;
      } catch (RuntimeException e) {
        abort();
        throw e;
      }
      super.commit();
    }
  }

  /**
   * Checks the invariants, entails, validates and records {@code recorded}; throws {@link
   * ActionErrorException} 422 with the reason when the write may not commit.
   */
  private void accept(ChangeRecorder.Recorded recorded) {
    WriteRequest who = request.get();
    if (who == null) {
      throw new IllegalStateException("a write with no user");
    }
    Set<Node> graphs =
        Stream.concat(recorded.added().stream(), recorded.removed().stream())
            .filter(q -> !q.isDefaultGraph())
            .map(Quad::getGraph)
            .collect(Collectors.toCollection(() -> new TreeSet<>(BY_IRI)));
    if (!graphs.isEmpty()) {
      throw refused(
          "only the default graph is writable; this write changes "
              + graphs.stream().map(g -> "<" + g.getURI() + ">").collect(Collectors.joining(", ")));
    }
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
    refuseMassDeletion(added, removed);
    Stream.concat(added.stream(), removed.stream())
        .filter(t -> ontologyTerm(t.getSubject()) || ontology.contains(t))
        .findFirst()
        .ifPresent(
            t -> {
              throw refused(
                  "statements about the ontology's terms are not editable through the data"
                      + " endpoints (the ontology is edited in ontology/dgov.ttl): "
                      + t);
            });
    Set<Node> deleted = deletedEntries(removed);
    Long reverts = reverting.get();
    Set<Node> named = reverts == null ? who.deletions() : deleted;
    deleted.stream()
        .filter(e -> !named.contains(e))
        .findFirst()
        .ifPresent(
            e -> {
              throw refused(
                  "this write removes the entry <"
                      + e.getURI()
                      + "> (every rdf:type it has); to delete an entry on purpose, name it in the "
                      + DELETE_HEADER
                      + " header");
            });
    named.stream()
        .filter(e -> !deleted.contains(e))
        .findFirst()
        .ifPresent(
            e -> {
              throw refused(
                  DELETE_HEADER
                      + " names <"
                      + e
                      + ">, but this write does not delete it (it must remove every rdf:type of"
                      + " an entry that has one)");
            });
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

  private void refuseMassDeletion(Set<Triple> added, Set<Triple> removed) {
    if (removed.size() < 100) {
      return;
    }
    DatasetGraph dataset = store.dataset();
    long before =
        dataset.getDefaultGraph().size()
            - dataset.getGraph(Store.ENTAILED).size()
            + removed.size()
            - added.size();
    if (2L * removed.size() > before) {
      throw refused(
          "a mass deletion: this write removes "
              + removed.size()
              + " of the "
              + before
              + " asserted statements; delete entries one by one, naming each in the "
              + DELETE_HEADER
              + " header");
    }
  }

  /** The described resources that {@code removed} leaves without any asserted rdf:type. */
  private Set<Node> deletedEntries(Set<Triple> removed) {
    Graph asserted = Store.asserted(store.dataset());
    Set<Node> deleted =
        removed.stream()
            .filter(t -> t.getPredicate().equals(TYPE) && t.getSubject().isURI())
            .map(Triple::getSubject)
            .filter(s -> !asserted.contains(s, TYPE, Node.ANY))
            .collect(Collectors.toCollection(() -> new TreeSet<>(BY_IRI)));
    if (deleted.size() > MAX_DELETED_ENTRIES) {
      throw refused(
          "a mass deletion: this write deletes "
              + deleted.size()
              + " entries, at most "
              + MAX_DELETED_ENTRIES
              + " may go in one write");
    }
    return deleted;
  }

  private static boolean ontologyTerm(Node node) {
    return node.isURI() && node.getURI().startsWith(DGOV.ontology.getURI());
  }

  private static Set<Triple> triples(Set<Quad> quads) {
    return quads.stream().map(Quad::asTriple).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Node quadGraph(Node g) {
    return g == null ? Quad.defaultGraphIRI : g;
  }

  private static Refused refused(String reason) {
    return new Refused(new Refusal(422, reason, null));
  }

  /** A write rolled back, answered 422. */
  private static final class Refused extends ActionErrorException {
    private final transient Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.status(), refusal.reason(), null);
      this.refusal = refusal;
    }
  }

  static {
    UpdateEngineRegistry.get().add(new NoLoad());
  }

  /** Update execution on this dataset, with LOAD refused. */
  private static final class NoLoad implements UpdateEngineFactory {
    @Override
    public boolean accept(DatasetGraph dataset, org.apache.jena.sparql.util.Context context) {
      return dataset instanceof ValidatingDataset;
    }

    @Override
    public UpdateEngine create(
        DatasetGraph dataset,
        org.apache.jena.sparql.engine.binding.Binding binding,
        org.apache.jena.sparql.util.Context context) {
      return new UpdateEngineMain(dataset, binding, context) {
        @Override
        protected UpdateVisitor prepareWorker() {
          return new UpdateEngineWorker(dataset, binding, context) {
            @Override
            public void visit(UpdateLoad update) {
              // thrown here, Fuseki would answer 500: the guard answers with the refusal
              Refusal refusal =
                  new Refusal(
                      403,
                      "LOAD is not allowed: it would read from the network or the file system",
                      null);
              ((ValidatingDataset) dataset).rejected.accept(refusal);
              throw new Refused(refusal);
            }
          };
        }
      };
    }
  }
}
