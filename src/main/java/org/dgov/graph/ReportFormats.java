package org.dgov.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dgov.vocab.DGOV;

/**
 * A validation report as text for people, JSON for programs, or a SHACL {@code
 * sh:ValidationReport}.
 */
public final class ReportFormats {

  /** The formats of {@code validate --format} and of {@code /dgov/validate}. */
  public enum Format {
    text,
    json,
    turtle
  }

  private ReportFormats() {}

  public static String write(Report report, Format format) {
    return switch (format) {
      case text -> text(report);
      case json -> json(report).toString();
      case turtle -> turtle(report);
    };
  }

  private static String text(Report report) {
    StringBuilder out = new StringBuilder();
    report.findings().forEach(f -> out.append(f).append('\n'));
    return out.toString();
  }

  private static JsonObject json(Report report) {
    JsonArray findings = new JsonArray();
    for (Finding f : report.findings()) {
      JsonObject item = new JsonObject();
      item.put("focus", f.focus());
      item.put("label", f.label());
      item.put("path", f.path());
      item.put("value", f.value());
      item.put("message", f.message());
      item.put("severity", f.severity());
      if (f.location() != null) {
        item.put("file", f.location().file());
        item.put("line", f.location().line());
      }
      findings.add(item);
    }
    JsonObject json = new JsonObject();
    json.put("conforms", report.conforms());
    json.put("findings", findings);
    return json;
  }

  private static String turtle(Report report) {
    Graph g = GraphFactory.createDefaultGraph();
    g.getPrefixMapping()
        .setNsPrefix("sh", SHACL.getURI())
        .setNsPrefix("dgr", DGOV.ID)
        .setNsPrefix("dgov", DGOV.NS);
    Node root = NodeFactory.createBlankNode();
    g.add(Triple.create(root, RDF.type.asNode(), SHACL.ValidationReport));
    g.add(
        Triple.create(
            root,
            SHACL.conforms,
            NodeFactory.createLiteralDT(
                Boolean.toString(report.conforms()), XSDDatatype.XSDboolean)));
    for (Finding f : report.findings()) {
      Node result = NodeFactory.createBlankNode();
      g.add(Triple.create(root, SHACL.result, result));
      g.add(Triple.create(result, RDF.type.asNode(), SHACL.ValidationResult));
      g.add(
          Triple.create(
              result,
              SHACL.focusNode,
              f.focus().startsWith("http")
                  ? NodeFactory.createURI(f.focus())
                  : NodeFactory.createLiteralString(f.focus())));
      g.add(
          Triple.create(
              result, SHACL.resultSeverity, NodeFactory.createURI(SHACL.getURI() + f.severity())));
      g.add(
          Triple.create(
              result, SHACL.resultMessage, NodeFactory.createLiteralLang(f.message(), "en")));
      String path =
          f.path().startsWith("dgov:") && !f.path().contains("/")
              ? DGOV.NS + f.path().substring(5)
              : null;
      if (path != null) {
        g.add(Triple.create(result, SHACL.resultPath, NodeFactory.createURI(path)));
      }
      if (!f.value().isEmpty()) {
        g.add(Triple.create(result, SHACL.value, NodeFactory.createLiteralString(f.value())));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
    return out.toString(StandardCharsets.UTF_8);
  }
}
