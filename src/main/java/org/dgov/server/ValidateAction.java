package org.dgov.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.BaseActionREST;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.system.Txn;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.RdfFiles;
import org.dgov.graph.Report;
import org.dgov.graph.ReportFormats;
import org.dgov.graph.SourceText;
import org.dgov.graph.SyntaxError;
import org.dgov.graph.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /dgov/validate}: Turtle or JSON-LD entries checked together with the graph; the
 * report as JSON or Turtle by {@code Accept}, 200 whether or not they conform; 400 naming line and
 * column for a syntax error; 413 over the size limit. The graph is never changed.
 *
 * <p>The cost is bounded: at most {@code maxConcurrent} validations run at once (more get 503 with
 * {@code Retry-After}), and a request is answered within its time budget, with 503 and {@code
 * Retry-After} if the validation is not done by then. Jena's parsers and SHACL validator do not
 * stop when interrupted, so a validation past its budget runs on and keeps its slot until it ends:
 * the number running never exceeds the limit.
 *
 * <p>Each validation reads the graph inside its own read transaction, which ends when the
 * validation does, also when it fails; writers go on meanwhile (TDB2 readers do not block them).
 */
final class ValidateAction extends BaseActionREST {

  /** The operation, as {@code fuseki-config.ttl} names it. */
  static final Operation OPERATION =
      Operation.alloc(
          "https://w3id.org/dgov/config#validate",
          "validate",
          "SHACL validation of new entries together with the graph");

  private static final AcceptList OFFERED = AcceptList.create("application/json", "text/turtle");

  /** Validations running at once by default: validation is CPU-bound, one per core. */
  static final int MAX_CONCURRENT = Runtime.getRuntime().availableProcessors();

  /** The time budget of a request by default; the 1 MB entry of {@code bench/validate.sh} fits. */
  static final Duration BUDGET = Duration.ofSeconds(60);

  private static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");

  private final Supplier<CuratedGraph> graph;
  private final Transactional reads;
  private final SourceText source;
  private final long maxBytes;
  private final Semaphore running;
  private final Duration budget;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "dgov-validate");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Validates against the graph that {@code graph} gives inside a read transaction on {@code
   * reads}.
   */
  ValidateAction(
      Supplier<CuratedGraph> graph, Transactional reads, SourceText source, long maxBytes) {
    this(graph, reads, source, maxBytes, MAX_CONCURRENT, BUDGET);
  }

  ValidateAction(
      Supplier<CuratedGraph> graph,
      Transactional reads,
      SourceText source,
      long maxBytes,
      int maxConcurrent,
      Duration budget) {
    this.graph = graph;
    this.reads = reads;
    this.source = source;
    this.maxBytes = maxBytes;
    this.running = new Semaphore(maxConcurrent);
    this.budget = budget;
  }

  @Override
  protected void doPost(HttpAction action) {
    HttpServletRequest request = action.getRequest();
    HttpServletResponse response = action.getResponse();
    try {
      String contentType =
          request.getContentType() == null ? "" : request.getContentType().split(";")[0].trim();
      Lang lang =
          switch (contentType) {
            case "text/turtle" -> Lang.TURTLE;
            case "application/ld+json" -> Lang.JSONLD;
            default -> null;
          };
      if (lang == null) {
        error(
            response,
            415,
            "send text/turtle or application/ld+json, not '" + contentType + "'",
            0,
            0);
        return;
      }
      byte[] body = read(request);
      if (body == null) {
        error(response, 413, "the body is larger than the limit of " + maxBytes + " bytes", 0, 0);
        return;
      }
      if (!running.tryAcquire()) {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        error(
            response,
            503,
            "too many validations are running: retry in " + RETRY_AFTER_SECONDS + " s",
            0,
            0);
        return;
      }
      Report report = validateWithinBudget(response, body, lang);
      if (report == null) {
        return;
      }
      String type =
          ConNeg.chooseContentType(request, OFFERED, OFFERED.entries().get(0)).getContentTypeStr();
      ReportFormats.Format format =
          type.equals("text/turtle") ? ReportFormats.Format.turtle : ReportFormats.Format.json;
      response.setStatus(200);
      response.setContentType(type + "; charset=utf-8");
      response
          .getOutputStream()
          .write(ReportFormats.write(report, format).getBytes(StandardCharsets.UTF_8));
    } catch (SyntaxError e) {
      error(response, 400, e.getMessage(), e.line(), e.column());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The report on {@code body}, validated in a worker that holds the slot taken for it until it
   * ends; null when the budget ran out or validation failed, the answer having been sent.
   */
  private Report validateWithinBudget(HttpServletResponse response, byte[] body, Lang lang)
      throws SyntaxError {
    Future<Report> validation =
        workers.submit(
            () -> {
              try {
                RdfFiles.Parsed entries = RdfFiles.parse(body, lang, "request");
                return Txn.calculateRead(
                    reads, () -> Validation.validateEntries(graph.get(), List.of(entries), source));
              } finally {
                running.release();
              }
            });
    try {
      return validation.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      validation.cancel(true);
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      error(
          response,
          503,
          "the validation took longer than its budget of "
              + (budget.toMillis() % 1000 == 0
                  ? budget.toSeconds() + " s"
                  : budget.toMillis() + " ms")
              + ": send fewer or smaller entries",
          0,
          0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      validation.cancel(true);
      error(response, 503, "the server is stopping: retry later", 0, 0);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SyntaxError syntax) {
        throw syntax;
      }
      LOG.warn("validate failed: {}", String.valueOf(e.getCause()));
      error(response, 500, "the validation failed: the server log has the cause", 0, 0);
    }
    return null;
  }

  /** The body, or null when it is over the limit; never reads more than the limit. */
  private byte[] read(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) maxBytes + 1);
      return bytes.length > maxBytes ? null : bytes;
    }
  }

  private static void error(
      HttpServletResponse response, int status, String message, long line, long column) {
    JsonObject json = new JsonObject();
    json.put("error", message);
    if (line > 0) {
      json.put("line", line);
      json.put("column", column);
    }
    try {
      response.setStatus(status);
      response.setContentType("application/json; charset=utf-8");
      response.getOutputStream().write(json.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
