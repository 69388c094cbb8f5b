package org.dgov.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The curated files as loaded: the ontology, the data, the shapes, the derivation rules, and where
 * in which file each resource is described.
 */
public record CuratedGraph(
    Graph ontology, Graph data, Graph shapes, List<Rule> rules, List<RdfFiles.Parsed> files) {

  /** Parses every ontology, shape and data file of {@code project}. */
  public static CuratedGraph load(Project project) throws SyntaxError {
    return load(project, List.of());
  }

  /**
   * Reads the files of {@code project} for serving: with Jena only, the lines of resources found
   * only when a finding needs them ({@link RdfFiles#read}).
   */
  public static CuratedGraph loadForServing(Project project) throws SyntaxError {
    List<RdfFiles.Parsed> files = new ArrayList<>();
    Graph ontology = readAll(project, project.ontologyFiles(), files, RdfFiles::read);
    Graph data = readAll(project, project.dataFiles(), files, RdfFiles::read);
    Graph shapes = readAll(project, project.shapeFiles(), new ArrayList<>(), RdfFiles::read);
    return new CuratedGraph(
        ontology, data, shapes, Rule.all(project.rulesDir()), List.copyOf(files));
  }

  /**
   * Parses the files of {@code project} but {@code entries}: new entries being checked may already
   * stand in {@code data/}, and are then added once, as entries.
   */
  public static CuratedGraph load(Project project, List<Path> entries) throws SyntaxError {
    List<Path> skipped = entries.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    List<RdfFiles.Parsed> files = new ArrayList<>();
    Graph ontology = readAll(project, project.ontologyFiles(), files, RdfFiles::parse);
    List<Path> dataFiles =
        project.dataFiles().stream()
            .filter(p -> !skipped.contains(p.toAbsolutePath().normalize()))
            .toList();
    Graph data = readAll(project, dataFiles, files, RdfFiles::parse);
    Graph shapes = readAll(project, project.shapeFiles(), new ArrayList<>(), RdfFiles::parse);
    List<Rule> rules = Rule.all(project.rulesDir());
    return new CuratedGraph(ontology, data, shapes, rules, List.copyOf(files));
  }

  /**
   * This graph with {@code entries} added to the data, as new entries are checked: a view, the
   * graph is not copied.
   */
  public CuratedGraph withEntries(List<RdfFiles.Parsed> entries) {
    Graph added = GraphFactory.createDefaultGraph();
    entries.forEach(e -> e.graph().find().forEach(added::add));
    Graph merged = new Union(data, added);
    merged.getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
    List<RdfFiles.Parsed> all = new ArrayList<>(entries);
    all.addAll(files);
    return new CuratedGraph(ontology, merged, shapes, rules, List.copyOf(all));
  }

  /** Ontology and data together, copied into one graph: the graph the shapes validate. */
  public Graph union() {
    Graph union = copy(ontology);
    data.find().forEach(union::add);
    union.getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
    return union;
  }

  /** Ontology and data together as a view, for lookups about a few resources. */
  public Graph view() {
    Graph view = new Union(ontology, data);
    view.getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
    return view;
  }

  /** The file and line where {@code node} is typed, else first described, or null. */
  public Location locate(Node node) {
    if (!node.isURI()) {
      return null;
    }
    Location mentioned = null;
    for (RdfFiles.Parsed file : files) {
      Location location = file.locate(node.getURI());
      if (location != null && file.graph().contains(node, RDF.type.asNode(), Node.ANY)) {
        return location;
      }
      mentioned = mentioned == null ? location : mentioned;
    }
    return mentioned;
  }

  /** How a file is read: {@link RdfFiles#parse} or {@link RdfFiles#read}. */
  private interface Reader {
    RdfFiles.Parsed read(Path file, String display) throws SyntaxError;
  }

  private static Graph readAll(
      Project project, List<Path> paths, List<RdfFiles.Parsed> sink, Reader reader)
      throws SyntaxError {
    Graph graph = GraphFactory.createDefaultGraph();
    for (Path path : paths) {
      RdfFiles.Parsed parsed = reader.read(path, project.display(path));
      parsed.graph().find().forEach(graph::add);
      graph.getPrefixMapping().setNsPrefixes(parsed.graph().getPrefixMapping());
      sink.add(parsed);
    }
    return graph;
  }

  private static Graph copy(Graph graph) {
    Graph copy = GraphFactory.createDefaultGraph();
    graph.find().forEach(copy::add);
    copy.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
    return copy;
  }
}
