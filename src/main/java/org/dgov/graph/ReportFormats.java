package org.dgov.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.vocab.DGOV;

/**
 * A validation report in words: text for people, JSON for programs, or the complete SHACL {@code
 * sh:ValidationReport} (focus node, path, value, source shape, constraint component, severity and
 * message on every result) that other SHACL tools read. The one place where findings become text.
 */
public final class ReportFormats {

  /** The formats of {@code validate --format} and of {@code /dgov/validate}. */
  public enum Format {
    text,
    json,
    turtle
  }

  /** The prefixes findings are written with. */
  private static final PrefixMapping PREFIXES =
      PrefixMapping.Factory.create()
          .setNsPrefixes(PrefixMapping.Standard)
          .setNsPrefix("sh", SHACL.getURI())
          .setNsPrefix("skos", SKOS.getURI())
          .setNsPrefix("dcterms", DCTerms.getURI())
          .setNsPrefix("org", "http://www.w3.org/ns/org#")
          .setNsPrefix("dgov", DGOV.NS)
          .setNsPrefix("dgr", DGOV.ID)
          .setNsPrefix("dgsh", DGOV.SHAPES)
          .lock();

  private static final int LONGEST_VALUE = 40;

  private ReportFormats() {}

  public static String write(Report report, Format format) {
    return switch (format) {
      case text -> text(report);
      case json -> json(report).toString();
      case turtle -> turtle(report);
    };
  }

  /** One line: where, how severe, which resource, which property and value, what is wrong. */
  static String line(Finding f) {
    ReportEntry r = f.result();
    StringBuilder line = new StringBuilder();
    line.append(f.location() == null ? "(no file)" : f.location().toString()).append(": ");
    line.append(severity(r)).append(": ").append(f.label());
    String focus = focus(r.focusNode());
    if (!f.label().equals(focus)) {
      line.append(" <").append(focus).append('>');
    }
    if (r.resultPath() != null) {
      line.append(" — ").append(path(r));
    }
    if (r.value() != null) {
      line.append(" = ").append(value(r.value()));
    }
    return line.append(": ").append(r.message()).toString();
  }

  private static String text(Report report) {
    StringBuilder out = new StringBuilder();
    report.findings().forEach(f -> out.append(line(f)).append('\n'));
    return out.toString();
  }

  private static JsonObject json(Report report) {
    JsonArray findings = new JsonArray();
    for (Finding f : report.findings()) {
      ReportEntry r = f.result();
      JsonObject item = new JsonObject();
      item.put("focus", focus(r.focusNode()));
      item.put("label", f.label());
      item.put("path", r.resultPath() == null ? "" : path(r));
      item.put("value", r.value() == null ? "" : FmtUtils.stringForNode(r.value(), PREFIXES));
      item.put("message", r.message());
      item.put("severity", severity(r));
      item.put("sourceShape", r.source() == null ? "" : shortForm(r.source()));
      item.put("component", shortForm(r.sourceConstraintComponent()));
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
    ValidationReport.Builder shacl = ValidationReport.create();
    shacl.addPrefixes(PREFIXES);
    report.findings().forEach(f -> shacl.addReportEntry(f.result()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, shacl.build().getGraph(), RDFFormat.TURTLE_PRETTY);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String severity(ReportEntry r) {
    return r.severity().level().getLocalName();
  }

  private static String focus(Node node) {
    return node.isURI() ? node.getURI() : FmtUtils.stringForNode(node, PREFIXES);
  }

  private static String path(ReportEntry r) {
    return PathWriter.asString(r.resultPath(), new Prologue(PREFIXES));
  }

  private static String shortForm(Node node) {
    return node.isURI() ? PREFIXES.shortForm(node.getURI()) : node.toString();
  }

  /** A value as Turtle would write it, a long literal cut short. */
  private static String value(Node node) {
    if (node.isLiteral() && node.getLiteralLexicalForm().length() > LONGEST_VALUE) {
      return "\"" + node.getLiteralLexicalForm().substring(0, LONGEST_VALUE) + "…\"";
    }
    return FmtUtils.stringForNode(node, PREFIXES);
  }
}
