package org.dgov.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Inference;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.graph.Report;
import org.dgov.graph.SourceText;
import org.dgov.graph.SyntaxError;
import org.dgov.graph.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Fuseki server, configured by the project's {@code fuseki-config.ttl}: the file
 * declares the service, its endpoints, the dataset and the query timeout; this class only puts the
 * validated graph into that dataset.
 */
public final class DgovServer {

  /** The service name in {@code fuseki-config.ttl}. */
  public static final String SERVICE = "/dgov";

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");

  private DgovServer() {}

  /**
   * Loads the curated files of {@code project}, validates them, adds the RDFS closure and starts
   * serving it on {@code port} (0 for any free port); logs one line when ready.
   */
  public static FusekiServer start(Project project, int port, boolean loopbackOnly)
      throws SyntaxError, IOException, NonConformingData {
    CuratedGraph curated = CuratedGraph.load(project);
    SourceText source = SourceText.read(project.sourceText());
    Report report = Validation.validate(curated, source);
    if (!report.conforms()) {
      throw new NonConformingData(report);
    }
    Graph graph = Inference.rdfsClosure(curated);
    FusekiServer server = build(project, curated, source, graph, port, loopbackOnly).start();
    LOG.info(
        "ready at http://localhost:{}{}/sparql: {} triples, {} ms from start to ready",
        server.getHttpPort(),
        SERVICE,
        graph.size(),
        ManagementFactory.getRuntimeMXBean().getUptime());
    return server;
  }

  /**
   * Builds a server on {@code port} (0 for any free port) serving {@code graph}, the closure of
   * {@code curated}, with the linked-data pages around the SPARQL service; not yet started.
   */
  public static FusekiServer build(
      Project project,
      CuratedGraph curated,
      SourceText source,
      Graph graph,
      int port,
      boolean loopbackOnly) {
    Map<String, NamedQuery> queries = new LinkedHashMap<>();
    NamedQuery.all(project.queriesDir()).forEach(q -> queries.put(q.name(), q));
    LinkedDataServlet resources = new LinkedDataServlet();
    QueriesServlet queryPages = new QueriesServlet(queries);
    FusekiServer server =
        FusekiServer.create()
            .registerOperation(
                ValidateAction.OPERATION,
                new ValidateAction(() -> curated, source, maxRequestBytes(project)))
            .parseConfigFile(project.fusekiConfig().toString())
            .port(port)
            .loopback(loopbackOnly)
            .enableCors(true, null)
            .addFilter("/*", new SecurityHeaders())
            .addFilter(SERVICE + "/sparql", new ServiceDescriptionFilter())
            .addServlet("/id/*", resources)
            .addServlet("/doc/*", resources)
            .addServlet("/ontology", new OntologyServlet(curated.ontology()))
            .addServlet("/queries", queryPages)
            .addServlet("/queries/*", queryPages)
            .addServlet("/search", new SearchServlet())
            .addServlet("/editor", new EditorServlet())
            .addServlet("/.well-known/void", new VoidServlet())
            .addServlet("/dumps/*", new DumpsServlet(curated.union()))
            .addServlet("/static/*", new StaticServlet())
            .addServlet(JsonLdContext.PATH, new ContextServlet())
            .addServlet("", new HomeServlet(queries))
            .build();
    DataAccessPoint dap = server.getDataAccessPointRegistry().get(SERVICE);
    if (dap == null) {
      throw new IllegalStateException(
          project.display(project.fusekiConfig()) + " declares no service named " + SERVICE);
    }
    DatasetGraph dataset = dap.getDataService().getDataset();
    Txn.executeWrite(
        dataset,
        () -> {
          if (dataset.getDefaultGraph().isEmpty()) {
            graph.find().forEach(dataset.getDefaultGraph()::add);
            dataset.prefixes().putAll(graph.getPrefixMapping().getNsPrefixMap());
          }
        });
    return server;
  }

  /** The request-size limit of the validate endpoint, as {@code fuseki-config.ttl} sets it. */
  private static long maxRequestBytes(Project project) {
    Graph config = org.apache.jena.riot.RDFDataMgr.loadGraph(project.fusekiConfig().toString());
    Node limit = NodeFactory.createURI("https://w3id.org/dgov/config#maxRequestBytes");
    return config
        .find(Node.ANY, limit, Node.ANY)
        .mapWith(t -> ((Number) t.getObject().getLiteralValue()).longValue())
        .nextOptional()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    project.display(project.fusekiConfig())
                        + " sets no :maxRequestBytes on the validate endpoint"));
  }
}
