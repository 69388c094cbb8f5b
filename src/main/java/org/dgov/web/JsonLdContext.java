package org.dgov.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;

/**
 * The published JSON-LD context ({@code /context.jsonld}): the served graph's prefixes. Compact
 * JSON-LD documents refer to it instead of repeating it.
 */
public final class JsonLdContext {

  public static final String PATH = "/context.jsonld";

  private JsonLdContext() {}

  /** {@code {"@context": {prefix: namespace, …}}}. */
  static JsonObject document(PrefixMapping prefixes) {
    JsonObject context = new JsonObject();
    prefixes.getNsPrefixMap().forEach(context::put);
    JsonObject document = new JsonObject();
    document.put("@context", context);
    return document;
  }

  /**
   * Writes {@code graph} as compact JSON-LD whose {@code @context} is the published one at {@code
   * contextUrl}: Jena compacts with the graph's prefixes, which is exactly that context.
   */
  static void write(Graph graph, String contextUrl, OutputStream out) {
    ByteArrayOutputStream compact = new ByteArrayOutputStream();
    RDFDataMgr.write(compact, graph, RDFFormat.JSONLD11_PRETTY);
    JsonObject json = JSON.parse(compact.toString(StandardCharsets.UTF_8));
    json.put("@context", contextUrl);
    org.apache.jena.atlas.json.JSON.write(out, json);
  }
}
