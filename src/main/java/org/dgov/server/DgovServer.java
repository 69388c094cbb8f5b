package org.dgov.server;

import static org.dgov.web.UrlLayout.SERVICE;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Federation;
import org.dgov.graph.FullText;
import org.dgov.graph.History;
import org.dgov.graph.Inference;
import org.dgov.graph.Inputs;
import org.dgov.graph.NamedQuery;
import org.dgov.graph.Project;
import org.dgov.graph.Report;
import org.dgov.graph.ServedGraphCache;
import org.dgov.graph.SourceText;
import org.dgov.graph.SyntaxError;
import org.dgov.graph.Validation;
import org.dgov.store.Store;
import org.dgov.store.Users;
import org.dgov.store.ValidatingDataset;
import org.dgov.web.ChangesServlet;
import org.dgov.web.ContextServlet;
import org.dgov.web.DumpsServlet;
import org.dgov.web.EditorServlet;
import org.dgov.web.FormatParameterFilter;
import org.dgov.web.HomeServlet;
import org.dgov.web.JsonLdContext;
import org.dgov.web.LinkedDataServlet;
import org.dgov.web.OntologyServlet;
import org.dgov.web.QueriesServlet;
import org.dgov.web.SearchServlet;
import org.dgov.web.ServiceDescriptionFilter;
import org.dgov.web.StaticServlet;
import org.dgov.web.UrlLayout;
import org.dgov.web.VoidServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Fuseki server, configured by the project's {@code fuseki-config.ttl}: the file
 * declares the service, its endpoints, the dataset and the query timeout. Read-only, this class
 * puts the validated graph with its RDFS closure into that dataset. Writable ({@link Writes}), the
 * service runs on a TDB2 store instead, with authenticated update and Graph Store writes, each
 * validated before it commits.
 */
public final class DgovServer {

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");

  /** Where a writable server keeps its TDB2 store, and who may write. */
  public record Writes(Path db, Users users) {}

  /**
   * How a server runs: port, interface, writes (null: read-only), federation, and the public base
   * URL of its documents (null: {@code fuseki-config.ttl}'s {@code :publicBaseUrl}, else {@code
   * http://localhost:PORT}).
   */
  public record Options(
      int port, boolean loopbackOnly, Writes writes, boolean federate, String baseUrl) {

    public Options(int port, boolean loopbackOnly, Writes writes, boolean federate) {
      this(port, loopbackOnly, writes, federate, null);
    }
  }

  private DgovServer() {}

  /**
   * Loads the curated files of {@code project}, validates them and starts serving on {@code port}
   * (0 for any free port), read-only when {@code writes} is null; logs one line when ready.
   */
  public static FusekiServer start(Project project, int port, boolean loopbackOnly, Writes writes)
      throws SyntaxError, IOException, NonConformingData {
    return start(project, new Options(port, loopbackOnly, writes, false));
  }

  /**
   * Loads the curated files of {@code project}, validates them and starts serving as {@code
   * options} say; logs one line when ready.
   */
  public static FusekiServer start(Project project, Options options)
      throws SyntaxError, IOException, NonConformingData {
    int port = options.port();
    boolean loopbackOnly = options.loopbackOnly();
    Writes writes = options.writes();
    CompletableFuture<CuratedGraph> files = new CompletableFuture<>();
    SourceText source = SourceText.read(project.sourceText());
    FusekiServer server;
    String holds;
    boolean readFilesWhenReady = false;
    if (writes == null) {
      ServedGraphCache cache = ServedGraphCache.of(project);
      Optional<String> key = cache.key(project);
      boolean kept = key.filter(cache::has).isPresent();
      if (!kept) {
        read(project, files);
      }
      CompletableFuture<Optional<Graph>> keptGraph =
          CompletableFuture.supplyAsync(() -> key.flatMap(cache::served));
      // the curated files are in memory: reading them needs no transaction
      FusekiServer.Builder builder =
          build(
              project,
              files::join,
              TransactionalNull.create(),
              source,
              port,
              loopbackOnly,
              options.baseUrl(),
              () -> 0);
      Optional<Graph> known = keptGraph.join();
      Graph graph;
      CompletableFuture<Report> validation;
      if (known.isPresent()) {
        // the files are read once the server is ready: the pages that show them need them, the
        // graph does not
        LOG.info("serving the graph kept from an earlier start on these files with this build");
        graph = known.get();
        validation = CompletableFuture.completedFuture(new Report(List.of()));
        readFilesWhenReady = true;
      } else {
        if (kept) {
          read(project, files); // the kept graph was damaged
        }
        CuratedGraph curated = loaded(files);
        graph = Inference.closure(curated);
        validation =
            validate(
                curated, graph, source, report -> key.ifPresent(k -> cache.remember(k, graph)));
      }
      server = builder.build();
      requireConforming(validation.join());
      fill(server, graph);
      holds = graph.size() + " triples";
    } else {
      read(project, files);
      CuratedGraph curated = loaded(files);
      Store store = openChecked(writes.db(), curated, source, Inputs.key(project, false));
      server =
          writable(
              project,
              curated,
              source,
              store,
              writes.users(),
              port,
              loopbackOnly,
              options.baseUrl());
      // a count of the store would be a scan of its whole default graph in TDB2
      holds =
          "data version "
              + Txn.calculateRead(
                  store.dataset(), () -> History.version(History.in(store.dataset())));
    }
    Context context = dataAccessPoint(server).getDataService().getDataset().getContext();
    BoundedEvaluation.install(context);
    if (options.federate()) {
      List<String> endpoints = ServerSettings.read(project).federationEndpoints();
      Federation.allow(context, endpoints);
      LOG.info("SERVICE allowed to: {}", String.join(", ", endpoints));
    } else {
      Federation.refuse(context);
    }
    Jetty.harden(server, ServerSettings.read(project).maxRequestBytes());
    server.start();
    if (readFilesWhenReady) {
      read(project, files);
    }
    LOG.info(
        "ready at http://localhost:{}{}/sparql{}: {}, {} ms from start to ready",
        server.getHttpPort(),
        SERVICE,
        writes == null ? "" : " (writable, store " + writes.db() + ")",
        holds,
        ManagementFactory.getRuntimeMXBean().getUptime());
    return server;
  }

  /** Read-only, for the tests and tools that need no writes. */
  public static FusekiServer start(Project project, int port, boolean loopbackOnly)
      throws SyntaxError, IOException, NonConformingData {
    return start(project, port, loopbackOnly, null);
  }

  /** Validates the graph to be served in the background, telling {@code conforming} if it does. */
  private static CompletableFuture<Report> validate(
      CuratedGraph curated, Graph served, SourceText source, Consumer<Report> conforming) {
    return CompletableFuture.supplyAsync(
        () -> {
          Report report = Validation.validate(curated, served, source);
          if (report.conforms()) {
            conforming.accept(report);
          }
          return report;
        });
  }

  private static void requireConforming(Report report) throws NonConformingData {
    if (!report.conforms()) {
      throw new NonConformingData(report);
    }
  }

  /** Reads the curated files in the background, for serving, into {@code files}. */
  private static void read(Project project, CompletableFuture<CuratedGraph> files) {
    CompletableFuture.runAsync(
        () -> {
          try {
            files.complete(CuratedGraph.loadForServing(project));
          } catch (SyntaxError | RuntimeException e) {
            files.completeExceptionally(e);
          }
        });
  }

  /** The curated files once read; a syntax error is thrown as itself. */
  private static CuratedGraph loaded(CompletableFuture<CuratedGraph> loading) throws SyntaxError {
    try {
      return loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SyntaxError error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The server as {@code fuseki-config.ttl} declares it, with the linked-data pages around it;
   * {@code current} gives the curated graph the pages and {@code /dgov/validate} read, inside a
   * read transaction on {@code reads} and only until it ends (on a store, the store itself, read in
   * place: nothing is copied); {@code version} the version of the data the calling thread's
   * transaction sees (or the latest, outside one), which keys the pages made once per version.
   */
  private static FusekiServer.Builder build(
      Project project,
      Supplier<CuratedGraph> current,
      Transactional reads,
      SourceText source,
      int port,
      boolean loopbackOnly,
      String baseUrl,
      LongSupplier version) {
    ServerSettings settings = ServerSettings.read(project);
    Optional<String> base =
        baseUrl != null
            ? Optional.of(UrlLayout.baseUrl(baseUrl, "--base-url"))
            : settings.publicBaseUrl();
    Map<String, NamedQuery> queries = new LinkedHashMap<>();
    NamedQuery.all(project.queriesDir()).forEach(q -> queries.put(q.name(), q));
    LinkedDataServlet resources = new LinkedDataServlet();
    QueriesServlet queryPages = new QueriesServlet(queries, version);
    // the ontology is the curated files' on every server, in memory: it outlives the transaction
    OntologyServlet ontology =
        new OntologyServlet(() -> Txn.calculateRead(reads, () -> current.get().ontology()));
    // VoID and the dumps read it inside the read transaction each of their requests runs in
    FusekiServer.Builder builder =
        FusekiServer.create()
            .registerOperation(
                Operation.Query, new QueryAction(settings.lane(), settings.queryBounds()))
            .registerOperation(Operation.Update, new UpdateAction())
            .registerOperation(
                ValidateAction.OPERATION,
                new ValidateAction(current, reads, source, settings.maxRequestBytes()))
            .parseConfigFile(project.fusekiConfig().toString())
            .port(port)
            .loopback(loopbackOnly)
            .addFilter("/*", new SecurityHeaders())
            .addFilter(
                SERVICE + "/*",
                new RequestLimits(settings.maxRequestBytes(), settings.maxUrlLength()))
            .addFilter(SERVICE + "/*", ResultWrapping.of(project))
            .addFilter(SERVICE + "/sparql", new FormatParameterFilter())
            .addFilter(SERVICE + "/sparql", new ServiceDescriptionFilter())
            .addFilter(SERVICE + "/sparql", new QueryGuard(settings.maxResultBytes()))
            .addServlet("/id/*", resources)
            .addServlet("/doc/*", resources)
            .addServlet("/queries", queryPages)
            .addServlet("/queries/*", queryPages)
            .addServlet("/search", new SearchServlet())
            .addServlet("/editor", new EditorServlet())
            .addServlet("/.well-known/void", new VoidServlet(() -> assertedTriples(current.get())))
            .addServlet("/dumps/*", new DumpsServlet(version, () -> current.get().view()))
            .addServlet("/static/*", new StaticServlet())
            .addServlet(JsonLdContext.PATH, new ContextServlet())
            .addServlet("", new HomeServlet(queries, version));
    OntologyServlet.PATHS.forEach(path -> builder.addServlet(path, ontology));
    base.ifPresent(b -> builder.addServletAttribute(UrlLayout.BASE_URL_ATTRIBUTE, b));
    return Jetty.sized(builder);
  }

  /** Puts {@code graph} into the dataset that {@code fuseki-config.ttl} declares. */
  private static void fill(FusekiServer server, Graph graph) {
    DatasetGraph dataset = dataAccessPoint(server).getDataService().getDataset();
    Txn.executeWrite(
        dataset,
        () -> {
          graph.find().forEach(dataset.getDefaultGraph()::add);
          dataset.prefixes().putAll(graph.getPrefixMapping().getNsPrefixMap());
        });
  }

  /**
   * The configured service on the TDB2 store with its RDFS entailment, with the Graph Store made
   * read-write and SPARQL Update added, and the full-text index that the file declares built over
   * the store, following its writes; both need a user and are validated before commit, and every
   * accepted write goes into the history, served at {@code /dgov/changes}.
   */
  private static FusekiServer writable(
      Project project,
      CuratedGraph curated,
      SourceText source,
      Store store,
      Users users,
      int port,
      boolean loopbackOnly,
      String baseUrl) {
    WriteGuard guard = new WriteGuard(users);
    TextIndex index = FullText.declared(project.fusekiConfig());
    // every transaction on the store goes through the index's view, so that nested ones nest
    Store indexed = store.through(dataset -> FullText.following(dataset, index));
    ValidatingDataset served =
        new ValidatingDataset(
            indexed,
            curated.ontology(),
            (s, change) ->
                Validation.validateChange(
                    inPlace(s.dataset(), curated), s.dataset().getDefaultGraph(), change, source),
            guard::current,
            guard::reject);
    served.getContext().set(TextQuery.textIndex, index);
    ChangesServlet changes = new ChangesServlet(served::revert);
    FusekiServer.Builder builder =
        build(
                project,
                () -> inPlace(indexed.dataset(), curated),
                indexed.dataset(),
                source,
                port,
                loopbackOnly,
                baseUrl,
                served::version)
            .addFilter(SERVICE + "/update", guard)
            .addFilter(SERVICE + "/data", guard)
            .addFilter(SERVICE + "/changes/*", guard)
            .addServlet(SERVICE + "/changes", changes)
            .addServlet(SERVICE + "/changes/*", changes);
    DataService.Builder declared = builder.getDataServiceBuilder(SERVICE);
    if (declared == null) {
      throw new IllegalStateException("fuseki-config.ttl declares no service named " + SERVICE);
    }
    DataService.Builder service = DataService.newBuilder(served);
    declared
        .build()
        .getEndpoints()
        .forEach(
            e -> {
              if (e.getOperation().equals(Operation.GSP_R)) {
                service.addEndpoint(Operation.GSP_RW, e.getName());
              } else {
                service.addEndpoint(e);
              }
            });
    service.addEndpoint(Operation.Update, "update");
    builder.remove(SERVICE);
    return builder.add(SERVICE, service).build();
  }

  /**
   * A read replica's server, not started: the service {@code fuseki-config.ttl} declares, read-only
   * as declared, on {@code store} (which the replica keeps up to date through the full-text {@code
   * index}), with the pages; {@code version} gives the version of the data, {@code more} adds the
   * replica's own filters and servlets (org.dgov.replica).
   */
  public static FusekiServer replica(
      Project project,
      CuratedGraph curated,
      Store store,
      TextIndex index,
      ServerPlace place,
      LongSupplier version,
      Consumer<FusekiServer.Builder> more)
      throws IOException {
    FusekiServer.Builder builder =
        build(
            project,
            () -> inPlace(store.dataset(), curated),
            store.dataset(),
            SourceText.read(project.sourceText()),
            place.port(),
            place.loopbackOnly(),
            place.baseUrl(),
            version);
    more.accept(builder);
    DataService.Builder declared = builder.getDataServiceBuilder(SERVICE);
    if (declared == null) {
      throw new IllegalStateException("fuseki-config.ttl declares no service named " + SERVICE);
    }
    store.dataset().getContext().set(TextQuery.textIndex, index);
    DataService.Builder service = DataService.newBuilder(store.dataset());
    declared.build().getEndpoints().forEach(service::addEndpoint);
    builder.remove(SERVICE);
    FusekiServer server = builder.add(SERVICE, service).build();
    Context context = dataAccessPoint(server).getDataService().getDataset().getContext();
    BoundedEvaluation.install(context);
    Federation.refuse(context);
    Jetty.harden(server, ServerSettings.read(project).maxRequestBytes());
    return server;
  }

  /**
   * Where a server listens: port (0 for any free one), whether on loopback only, and the public
   * base URL (null: the one {@code fuseki-config.ttl} gives, else {@code http://localhost:PORT}).
   */
  public record ServerPlace(int port, boolean loopbackOnly, String baseUrl) {

    /** On {@code port}, with the public base URL {@code fuseki-config.ttl} gives. */
    public ServerPlace(int port, boolean loopbackOnly) {
      this(port, loopbackOnly, null);
    }
  }

  /**
   * The store in {@code dir}, found conforming as a whole: a new store is made from the curated
   * files once they were validated with their closure in memory; a store that was checked before
   * with inputs of the same {@code key} is not checked again (each write was validated as it was
   * made), any other is, from a copy of its asserted statements.
   */
  private static Store openChecked(
      Path dir, CuratedGraph curated, SourceText source, Optional<String> key)
      throws NonConformingData, IOException {
    Store store;
    if (Store.isNew(dir)) {
      Graph served = Inference.closure(curated);
      requireConforming(Validation.validate(curated, served, source));
      store = Store.load(dir, curated, served);
    } else {
      store = Store.open(dir, curated);
      if (key.filter(store::checkedWith).isPresent()) {
        LOG.info("store {} was checked before with these files and this build", dir);
        return store;
      }
      requireConforming(
          Txn.calculateRead(
              store.dataset(), () -> Validation.validate(store.snapshot(curated), source)));
    }
    if (key.isPresent()) {
      store.checked(key.get());
    }
    return store;
  }

  /**
   * The asserted statements of the store's {@code dataset}, with its prefixes, as the curated graph
   * they are served as, with the ontology, shapes, rules and files the server was started with:
   * read in place, nothing is copied, so a write is validated inside its transaction and a page
   * costs what it reads, not the size of the store. Call inside a transaction on {@code dataset},
   * and use it only until that transaction ends.
   */
  private static CuratedGraph inPlace(DatasetGraph dataset, CuratedGraph curated) {
    Graph asserted = Store.asserted(dataset);
    asserted.getPrefixMapping().setNsPrefixes(dataset.getDefaultGraph().getPrefixMapping());
    return new CuratedGraph(
        curated.ontology(), asserted, curated.shapes(), curated.rules(), curated.files());
  }

  /**
   * How many statements {@code graph}'s ontology and data hold together, counted without reading
   * the data through (its size, and the few ontology statements it does not hold).
   */
  private static long assertedTriples(CuratedGraph graph) {
    Graph data = graph.data();
    return data.size() + graph.ontology().find().filterDrop(data::contains).toList().size();
  }

  private static DataAccessPoint dataAccessPoint(FusekiServer server) {
    DataAccessPoint dap = server.getDataAccessPointRegistry().get(SERVICE);
    if (dap == null) {
      throw new IllegalStateException("fuseki-config.ttl declares no service named " + SERVICE);
    }
    return dap;
  }
}
