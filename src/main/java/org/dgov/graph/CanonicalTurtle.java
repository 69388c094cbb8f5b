package org.dgov.graph;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;

/**
 * The one canonical form of a Turtle file: RDF4J Rio's pretty Turtle writer over the statements in
 * a fixed order — prefixes by name; ontology headers, then IRIs, then blank nodes; {@code rdf:type}
 * first, then predicates by IRI; objects by value. Blank nodes used once are written inline and
 * ordered by their content, so the output does not depend on blank node labels.
 */
public final class CanonicalTurtle {

  private CanonicalTurtle() {}

  /** The canonical form of {@code turtle}; {@code display} names the file in errors. */
  public static String format(String turtle, String display) throws SyntaxError {
    Model model;
    try {
      model = Rio.parse(new StringReader(turtle), "", RDFFormat.TURTLE);
    } catch (RDFParseException e) {
      throw new SyntaxError(display, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    } catch (IOException e) {
      throw new SyntaxError(display, 0, 0, e.getMessage());
    }
    Map<Value, String> keys = new HashMap<>();
    Comparator<Value> byKey = Comparator.comparing(v -> key(v, model, keys, 0));
    Comparator<Statement> order =
        Comparator.comparing((Statement st) -> subjectRank(st.getSubject(), model))
            .thenComparing(Statement::getSubject, byKey)
            .thenComparing(
                st -> st.getPredicate().equals(RDF.TYPE) ? "" : st.getPredicate().stringValue())
            .thenComparing(Statement::getObject, byKey);
    List<Statement> statements = model.stream().sorted(order).toList();

    StringWriter out = new StringWriter();
    RDFWriter writer = Rio.createWriter(RDFFormat.TURTLE, out);
    writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
    writer.getWriterConfig().set(BasicWriterSettings.INLINE_BLANK_NODES, true);
    writer.startRDF();
    model.getNamespaces().stream()
        .sorted(Comparator.comparing(Namespace::getPrefix))
        .forEach(ns -> writer.handleNamespace(ns.getPrefix(), ns.getName()));
    statements.forEach(writer::handleStatement);
    writer.endRDF();
    return out.toString();
  }

  private static int subjectRank(Resource subject, Model model) {
    if (subject instanceof BNode) {
      return 2;
    }
    return model.contains(subject, RDF.TYPE, OWL.ONTOLOGY) ? 0 : 1;
  }

  /** A sort key independent of blank node labels: a blank node is keyed by what it says. */
  private static String key(Value value, Model model, Map<Value, String> keys, int depth) {
    String known = keys.get(value);
    if (known != null) {
      return known;
    }
    String key;
    if (value instanceof BNode node) {
      key =
          depth > 16
              ? "_:"
              : model.filter(node, null, null).stream()
                  .map(
                      st ->
                          st.getPredicate().stringValue()
                              + " "
                              + key(st.getObject(), model, keys, depth + 1))
                  .sorted()
                  .collect(Collectors.joining(" ; ", "_:[", "]"));
    } else if (value instanceof Literal literal) {
      key =
          "\""
              + literal.getLabel()
              + "\""
              + literal
                  .getLanguage()
                  .map(l -> "@" + l)
                  .orElse("^^" + literal.getDatatype().stringValue());
    } else {
      key = value.stringValue();
    }
    keys.put(value, key);
    return key;
  }
}
