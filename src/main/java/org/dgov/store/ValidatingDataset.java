package org.dgov.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.update.UpdateException;
import org.dgov.graph.Change;
import org.dgov.graph.Report;

/**
 * The writable dataset: every write transaction brings the store's entailment up to date and is
 * validated before it commits. A write that would leave the graph non-conforming is rolled back and
 * answered 422 with the report. SPARQL Update {@code LOAD}, which would read from the network or
 * the file system, is refused.
 */
public final class ValidatingDataset extends DatasetGraphWrapper {

  private final Function<Store, Report> validator;
  private final Store store;
  private final Consumer<Report> rejected;
  private final AtomicLong version;

  /**
   * @param store the store that is served, whose uncommitted state is validated
   * @param validator checks the store inside the write transaction
   * @param rejected told the report of a write that was rolled back, to answer the request with it
   * @param version counts committed writes
   */
  public ValidatingDataset(
      Store store,
      Function<Store, Report> validator,
      Consumer<Report> rejected,
      AtomicLong version) {
    super(store.dataset());
    this.store = store;
    this.validator = validator;
    this.rejected = rejected;
    this.version = version;
  }

  @Override
  public void commit() {
    boolean wrote = isInTransaction() && transactionMode() == ReadWrite.WRITE;
    if (wrote) {
      store.entail(Change.NONE); // the change this transaction made is not recorded yet
      Report report = validator.apply(store);
      if (!report.conforms()) {
        abort();
        rejected.accept(report);
        throw new ActionErrorException(
            422, "the write would make the graph non-conforming; rolled back", null);
      }
    }
    super.commit();
    if (wrote) {
      store.committed();
      version.incrementAndGet();
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
              throw new UpdateException(
                  "LOAD is not allowed: it would read from the network or the file system");
            }
          };
        }
      };
    }
  }
}
