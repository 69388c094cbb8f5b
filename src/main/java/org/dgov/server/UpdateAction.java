package org.dgov.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update operation, with one client error answered as one: an update that names its
 * dataset ({@code USING}, {@code USING NAMED}, {@code WITH}) sent with {@code using-graph-uri} or
 * {@code using-named-graph-uri} gets 400 (SPARQL 1.1 Protocol 2.2.3). Fuseki 5.6 finds the conflict
 * only while it executes the update, as a plain {@code UpdateException} like any failure there, and
 * answers 500; here it is found before, and refused with Fuseki's own bad-request error. The update
 * is parsed for this only when the request has one of the two parameters. Registered in place of
 * Fuseki's own {@code fuseki:update}.
 */
final class UpdateAction extends SPARQL_Update {

  /** The protocol's parameters that name the dataset of an update. */
  private static final List<String> DATASET_PARAMETERS =
      List.of("using-graph-uri", "using-named-graph-uri");

  /** The base Fuseki parses updates with. */
  private static final String BASE = "http://server/unset-base/";

  @Override
  protected void execute(HttpAction action, InputStream input) {
    if (DATASET_PARAMETERS.stream().allMatch(p -> action.getRequest().getParameter(p) == null)) {
      super.execute(action, input);
      return;
    }
    byte[] update;
    try {
      update = input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (namesItsDataset(update)) {
      ServletOps.errorBadRequest(
          "the update names its dataset with USING, USING NAMED or WITH, and the request with "
              + String.join(" or ", DATASET_PARAMETERS)
              + ": name it in one of the two (SPARQL 1.1 Protocol 2.2.3)");
    }
    super.execute(action, new ByteArrayInputStream(update));
  }

  /**
   * Whether an operation of {@code update} has {@code USING}, {@code USING NAMED} or {@code WITH};
   * false when it does not parse, which Fuseki then reports.
   */
  private static boolean namesItsDataset(byte[] update) {
    UpdateRequest request;
    try {
      request = UpdateFactory.read(new ByteArrayInputStream(update), BASE, Syntax.syntaxARQ);
    } catch (QueryException e) {
      return false;
    }
    return request.getOperations().stream()
        .anyMatch(
            u ->
                u instanceof UpdateWithUsing named
                    && (named.getWithIRI() != null
                        || !named.getUsing().isEmpty()
                        || !named.getUsingNamed().isEmpty()));
  }
}
