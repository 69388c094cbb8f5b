package org.dgov.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A read-only page over the served graph: finds the dataset that {@code fuseki-config.ttl} declares
 * and answers each GET inside one read transaction.
 */
abstract class GraphServlet extends HttpServlet {

  @Override
  protected final void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DatasetGraph dataset = dataset(getServletContext());
    dataset.begin(TxnType.READ);
    try {
      serve(request, response, dataset.getDefaultGraph());
    } finally {
      dataset.end();
    }
  }

  /** The dataset that {@code fuseki-config.ttl} declares, as the server serves it. */
  static DatasetGraph dataset(ServletContext context) {
    return DataAccessPointRegistry.get(context)
        .get(UrlLayout.SERVICE)
        .getDataService()
        .getDataset();
  }

  protected abstract void serve(
      HttpServletRequest request, HttpServletResponse response, Graph graph) throws IOException;
}
