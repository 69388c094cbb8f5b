package org.dgov.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.BaseActionREST;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.RdfFiles;
import org.dgov.graph.Report;
import org.dgov.graph.ReportFormats;
import org.dgov.graph.SourceText;
import org.dgov.graph.SyntaxError;
import org.dgov.graph.Validation;

/**
 * {@code POST /dgov/validate}: Turtle or JSON-LD entries checked together with the graph; the
 * report as JSON or Turtle by {@code Accept}, 200 whether or not they conform; 400 naming line and
 * column for a syntax error; 413 over the size limit. The graph is never changed.
 */
final class ValidateAction extends BaseActionREST {

  /** The operation, as {@code fuseki-config.ttl} names it. */
  static final Operation OPERATION =
      Operation.alloc(
          "https://w3id.org/dgov/config#validate",
          "validate",
          "SHACL validation of new entries together with the graph");

  private static final AcceptList OFFERED = AcceptList.create("application/json", "text/turtle");

  private final Supplier<CuratedGraph> graph;
  private final SourceText source;
  private final long maxBytes;

  ValidateAction(Supplier<CuratedGraph> graph, SourceText source, long maxBytes) {
    this.graph = graph;
    this.source = source;
    this.maxBytes = maxBytes;
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
      RdfFiles.Parsed entries = RdfFiles.parse(body, lang, "request");
      Report report = Validation.validateEntries(graph.get(), List.of(entries), source);
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
