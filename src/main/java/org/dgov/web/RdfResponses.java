package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** Writes a graph in the RDF syntax the client accepts, Turtle by default. */
final class RdfResponses {

  private static final AcceptList OFFERED =
      AcceptList.create(
          "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml");

  private RdfResponses() {}

  /** The server's own base URL as the client reached it. */
  static String base(HttpServletRequest request) {
    int port = request.getServerPort();
    boolean defaultPort =
        (request.getScheme().equals("http") && port == 80)
            || (request.getScheme().equals("https") && port == 443);
    return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }

  static void write(HttpServletRequest request, HttpServletResponse response, Graph graph)
      throws IOException {
    String type =
        ConNeg.chooseContentType(request, OFFERED, OFFERED.entries().get(0)).getContentTypeStr();
    RDFFormat format =
        switch (type) {
          case "application/ld+json" -> RDFFormat.JSONLD11_PRETTY;
          case "application/n-triples" -> RDFFormat.NTRIPLES_UTF8;
          case "application/rdf+xml" -> RDFFormat.RDFXML_PRETTY;
          default -> RDFFormat.TURTLE_PRETTY;
        };
    response.setStatus(200);
    response.setHeader("Vary", "Accept");
    response.setContentType(type + "; charset=utf-8");
    RDFDataMgr.write(response.getOutputStream(), graph, format);
  }
}
