package org.dgov.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A plain {@code GET /dgov/sparql}, without a query, answers the SPARQL 1.1 Service Description; a
 * browser, which prefers HTML to any RDF syntax, is sent on to the editor ({@code 303} to {@code
 * /editor}).
 */
public final class ServiceDescriptionFilter implements Filter {

  /** The RDF syntaxes first, so that {@code *}{@code /*} gets RDF; HTML only when preferred. */
  private static final AcceptList OFFERED =
      AcceptList.create(
          java.util.stream.Stream.concat(
                  RdfResponses.RDF_TYPES.stream(), java.util.stream.Stream.of("text/html"))
              .toArray(String[]::new));

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (!request.getMethod().equals("GET") || request.getParameter("query") != null) {
      chain.doFilter(req, res);
      return;
    }
    if (ConNeg.chooseContentType(request, OFFERED, OFFERED.entries().get(0))
        .getContentTypeStr()
        .equals("text/html")) {
      HttpServletResponse response = (HttpServletResponse) res;
      response.setHeader("Vary", "Accept");
      response.setHeader("Location", "/editor");
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
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
