package org.dgov.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A plain {@code GET /dgov/sparql}, without a query, answers the SPARQL 1.1 Service Description.
 */
public final class ServiceDescriptionFilter implements Filter {

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (!request.getMethod().equals("GET") || request.getParameter("query") != null) {
      chain.doFilter(req, res);
      return;
    }
    DatasetGraph dataset =
        DataAccessPointRegistry.get(request.getServletContext())
            .get(UrlLayout.SERVICE)
            .getDataService()
            .getDataset();
    dataset.begin(TxnType.READ);
    try {
      RdfResponses.write(
          request,
          (HttpServletResponse) res,
          DatasetDescription.serviceDescription(
              dataset.getDefaultGraph(), RdfResponses.base(request)));
    } finally {
      dataset.end();
    }
  }
}
