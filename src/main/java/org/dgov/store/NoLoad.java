package org.dgov.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL Update execution on a {@link ValidatingDataset}, with {@code LOAD} refused (403): it would
 * read from the network or the file system. Registered by {@link ValidatingDataset}.
 */
final class NoLoad implements UpdateEngineFactory {

  @Override
  public boolean accept(DatasetGraph dataset, Context context) {
    return dataset instanceof ValidatingDataset;
  }

  @Override
  public UpdateEngine create(DatasetGraph dataset, Binding binding, Context context) {
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
            ((ValidatingDataset) dataset).rejected(refusal);
            throw new Refused(refusal);
          }
        };
      }
    };
  }
}
