package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.dgov.TestProjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shapes file is a valid SHACL shapes graph on its own: it conforms to "SHACL for SHACL", the
 * shapes graph of the W3C SHACL Recommendation (appendix C) as the W3C test suite ships it ({@code
 * src/test/resources/w3c/shacl-shacl/}, see PROVENANCE.md there).
 */
class ShaclForShaclTest {

  private static final String SHSH =
      "src/test/resources/w3c/shacl-shacl/shacl-shacl-data-shapes.ttl";

  @ParameterizedTest
  @ValueSource(
      strings = {"shapes/ontology-shapes.ttl", "shapes/dgov-shapes.ttl", "shapes/checks.ttl"})
  void conformsOnItsOwn(String file) {
    Graph shapes = RDFDataMgr.loadGraph(TestProjects.repository().root().resolve(file).toString());
    ValidationReport report = ShaclValidator.get().validate(RDFDataMgr.loadGraph(SHSH), shapes);
    assertTrue(report.conforms(), () -> file + " is not valid SHACL:\n" + text(report));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a property shape without sh:path, as a property shape defined in another file looks
        "<https://example.org/s> a <http://www.w3.org/ns/shacl#NodeShape> ;"
            + " <http://www.w3.org/ns/shacl#property> <https://example.org/elsewhere> ."
            + " <https://example.org/elsewhere> <http://www.w3.org/ns/shacl#minCount> 1 .",
        "<https://example.org/s> a <http://www.w3.org/ns/shacl#NodeShape> ;"
            + " <http://www.w3.org/ns/shacl#minCount> \"one\" ."
      })
  void catchesAnInvalidShape(String turtle) {
    Graph shapes = RDFParser.fromString(turtle, Lang.TURTLE).toGraph();
    assertFalse(ShaclValidator.get().validate(RDFDataMgr.loadGraph(SHSH), shapes).conforms());
  }

  private static String text(ValidationReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShLib.printReport(out, report);
    return out.toString(StandardCharsets.UTF_8);
  }
}
