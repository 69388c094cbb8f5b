package org.dgov.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.Project;
import org.dgov.graph.SyntaxError;
import org.eclipse.rdf4j.common.exception.ValidationException;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.RDF4J;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.sail.NotifyingSail;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.eclipse.rdf4j.sail.shacl.ShaclSail;
import org.topbraid.shacl.validation.ValidationUtil;
import org.topbraid.shacl.vocabulary.SH;

/**
 * The same data graph (ontology and data of a project) and the same shapes, validated by Jena
 * SHACL, TopBraid SHACL (its sh:pattern check replaced by {@link ShaclTopBraidPattern}) and RDF4J's
 * ShaclSail, each with its defaults; every report as a Jena model.
 */
final class ShaclEngines {

  /** The inputs of one data set, converted for each engine outside the timed code. */
  record Input(
      Graph data,
      Graph shapes,
      Model jenaData,
      Model jenaShapes,
      org.eclipse.rdf4j.model.Model rdf4jData,
      org.eclipse.rdf4j.model.Model rdf4jShapes) {}

  static {
    ShaclTopBraidPattern.install();
  }

  private ShaclEngines() {}

  /** The project at {@code dir}: its ontology and data as the data graph, its shapes. */
  static Input load(Path dir) throws SyntaxError {
    CuratedGraph curated = CuratedGraph.load(Project.at(dir));
    Graph data = curated.union();
    Graph shapes = curated.shapes();
    return new Input(
        data,
        shapes,
        ModelFactory.createModelForGraph(data),
        ModelFactory.createModelForGraph(shapes),
        toRdf4j(data),
        toRdf4j(shapes));
  }

  /** Jena SHACL: parses the shapes and validates the graph. */
  static int jena(Input in) {
    return ShaclValidator.get().validate(Shapes.parse(in.shapes()), in.data()).getEntries().size();
  }

  static Model jenaReport(Input in) {
    return ShaclValidator.get().validate(Shapes.parse(in.shapes()), in.data()).getModel();
  }

  /** TopBraid SHACL, running on this project's Jena. */
  static int topBraid(Input in) {
    return ValidationUtil.validateModel(in.jenaData(), in.jenaShapes(), false)
        .listProperties(SH.result)
        .toList()
        .size();
  }

  static Model topBraidReport(Input in) {
    return ValidationUtil.validateModel(in.jenaData(), in.jenaShapes(), false).getModel();
  }

  /**
   * RDF4J: a new ShaclSail on a MemoryStore, the shapes committed to {@code
   * rdf4j:SHACL_SHAPE_GRAPH}, then the data added in one transaction whose commit validates it. Its
   * defaults but the caps on the number of results; its RDFS subclass reasoning (on by default)
   * reads the ontology's rdfs:subClassOf in the data, as SHACL's rdfs:subClassOf* does in Jena and
   * TopBraid.
   */
  static org.eclipse.rdf4j.model.Model rdf4jReport(Input in) {
    ShaclSail sail = new ShaclSail(new MemoryStore());
    sail.setValidationResultsLimitTotal(-1);
    sail.setValidationResultsLimitPerConstraint(-1);
    SailRepository repository = new SailRepository(sail);
    try (RepositoryConnection connection = repository.getConnection()) {
      connection.begin();
      connection.add(in.rdf4jShapes(), RDF4J.SHACL_SHAPE_GRAPH);
      connection.commit();
      connection.begin();
      connection.add(in.rdf4jData());
      try {
        connection.commit();
        return new LinkedHashModel();
      } catch (RepositoryException e) {
        connection.rollback();
        if (e.getCause() instanceof ValidationException invalid) {
          return invalid.validationReportAsModel();
        }
        throw e;
      }
    } finally {
      repository.shutDown();
    }
  }

  static int rdf4j(Input in) {
    return rdf4jReport(in)
        .filter(null, org.eclipse.rdf4j.model.vocabulary.SHACL.RESULT, null)
        .size();
  }

  /** Not SHACL: the same data loaded into a plain MemoryStore, the load RDF4J's time includes. */
  static int rdf4jLoadOnly(Input in) {
    NotifyingSail store = new MemoryStore();
    SailRepository repository = new SailRepository(store);
    try (RepositoryConnection connection = repository.getConnection()) {
      connection.begin();
      connection.add(in.rdf4jData());
      connection.commit();
      return (int) connection.size();
    } finally {
      repository.shutDown();
    }
  }

  static Model toJena(org.eclipse.rdf4j.model.Model model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Rio.write(model, out, RDFFormat.NTRIPLES);
    Model jena = ModelFactory.createDefaultModel();
    RDFDataMgr.read(jena, new ByteArrayInputStream(out.toByteArray()), Lang.NTRIPLES);
    return jena;
  }

  private static org.eclipse.rdf4j.model.Model toRdf4j(Graph graph) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, Lang.NTRIPLES);
    try {
      return Rio.parse(new ByteArrayInputStream(out.toByteArray()), "", RDFFormat.NTRIPLES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The results of a report, one line each: source shape, constraint component, focus node. */
  static List<String> results(Model report) {
    String query =
        """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?shape ?component ?focus WHERE {
          ?report sh:result ?result .
          ?result sh:sourceShape ?shape ; sh:sourceConstraintComponent ?component ;
            sh:focusNode ?focus .
        }\
        """;
    List<String> lines = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.model(report).query(query).build()) {
      qe.execSelect()
          .forEachRemaining(
              row ->
                  lines.add(
                      Names.shortForm(row.get("shape").asNode())
                          + " "
                          + Names.shortForm(row.get("component").asNode())
                          + " "
                          + Names.shortForm(row.get("focus").asNode())));
    }
    lines.sort(null);
    return lines;
  }

  /** Short names for the printed output. */
  static final class Names {
    private static final org.apache.jena.shared.PrefixMapping PREFIXES =
        org.apache.jena.shared.PrefixMapping.Factory.create()
            .setNsPrefix("sh", SHACL.getURI())
            .setNsPrefix("dgsh", "https://w3id.org/dgov/shapes#")
            .setNsPrefix("dgr", "https://w3id.org/dgov/id/")
            .setNsPrefix("dgov", "https://w3id.org/dgov/ontology#");

    static String shortForm(Node node) {
      return node.isURI()
          ? PREFIXES.shortForm(node.getURI())
          : node.isBlank() ? "[]" : node.toString();
    }

    private Names() {}
  }
}
