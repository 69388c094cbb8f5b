package org.dgov.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.dgov.graph.Project;

/**
 * Fuseki's result wrappers, off unless {@code fuseki-config.ttl} turns them on: {@code callback=}
 * wraps JSON results in a call (JSONP: any page of any site may then run the answer as a script,
 * which CORS makes unnecessary, since reads send {@code Access-Control-Allow-Origin: *}), and
 * {@code stylesheet=} makes XML results name a stylesheet of the client's choice. A request that
 * asks for one while it is off gets 400 with the reason, not an answer that silently differs from
 * what was asked. {@code :allowJsonp true} and {@code :allowStylesheet true} on the server turn
 * them on.
 */
final class ResultWrapping implements Filter {

  private final boolean jsonp;
  private final boolean stylesheet;

  ResultWrapping(boolean jsonp, boolean stylesheet) {
    this.jsonp = jsonp;
    this.stylesheet = stylesheet;
  }

  /** As {@code project}'s {@code fuseki-config.ttl} says; both off when it says nothing. */
  static ResultWrapping of(Project project) {
    Graph config = RDFDataMgr.loadGraph(project.fusekiConfig().toString());
    return new ResultWrapping(on(config, "allowJsonp"), on(config, "allowStylesheet"));
  }

  private static boolean on(Graph config, String name) {
    return config
        .find(Node.ANY, NodeFactory.createURI(ServerSettings.NS + name), Node.ANY)
        .filterKeep(t -> t.getObject().isLiteral())
        .filterKeep(t -> Boolean.TRUE.equals(t.getObject().getLiteralValue()))
        .hasNext();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!jsonp && request.getParameter("callback") != null) {
      response.sendError(
          400,
          "callback= (JSONP) is off on this server: read the JSON results directly; pages of"
              + " other sites may, since reads send Access-Control-Allow-Origin: *");
      return;
    }
    if (!stylesheet && request.getParameter("stylesheet") != null) {
      response.sendError(400, "stylesheet= is off on this server: ask for the results without it");
      return;
    }
    chain.doFilter(req, res);
  }
}
