package org.dgov.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a store's content back into the curated files, in canonical form: each statement goes back
 * to the file that holds it, a new statement about a known resource to the file that types it, a
 * new resource to {@code data/new-entries.ttl}. Curated files → store → files is a round trip
 * without loss.
 */
public final class WriteBack {

  /** Where statements about new resources go. */
  public static final String NEW_ENTRIES = "data/new-entries.ttl";

  private WriteBack() {}

  /** Rewrites the files of {@code project} from {@code store}; returns the files changed. */
  public static List<Path> write(Project project, Graph store) throws IOException, SyntaxError {
    List<Path> files = new ArrayList<>(project.ontologyFiles());
    files.addAll(project.dataFiles());
    Path newEntries = project.root().resolve(NEW_ENTRIES);
    if (!files.contains(newEntries)) {
      files.add(newEntries);
    }
    Map<Path, RdfFiles.Parsed> parsed = new LinkedHashMap<>();
    Map<String, Deque<Path>> filesOfStatement = new HashMap<>();
    Map<Node, Path> home = new HashMap<>();
    for (Path file : files) {
      if (!Files.exists(file)) {
        continue;
      }
      RdfFiles.Parsed p = RdfFiles.parse(file, project.display(file));
      parsed.put(file, p);
      for (Triple t : topLevel(p.graph())) {
        filesOfStatement.computeIfAbsent(key(p.graph(), t), k -> new ArrayDeque<>()).add(file);
        if (t.getPredicate().equals(RDF.type.asNode())) {
          home.putIfAbsent(t.getSubject(), file);
        }
      }
    }
    Map<Path, Graph> out = new LinkedHashMap<>();
    files.forEach(f -> out.put(f, GraphFactory.createDefaultGraph()));
    for (Triple t : topLevel(store)) {
      Deque<Path> holders = filesOfStatement.get(key(store, t));
      if (holders != null && !holders.isEmpty() && !t.getObject().isBlank()) {
        holders.forEach(file -> out.get(file).add(t));
        continue;
      }
      Path file = holders == null ? null : holders.poll();
      if (file == null) {
        file = home.getOrDefault(t.getSubject(), newEntries);
      }
      copyWithClosure(store, t, out.get(file));
    }
    List<Path> changed = new ArrayList<>();
    for (Map.Entry<Path, Graph> e : out.entrySet()) {
      Path file = e.getKey();
      Graph graph = e.getValue();
      if (graph.isEmpty()) {
        if (Files.deleteIfExists(file)) {
          changed.add(file);
        }
        continue;
      }
      RdfFiles.Parsed before = parsed.get(file);
      graph
          .getPrefixMapping()
          .setNsPrefixes(
              before != null ? before.graph().getPrefixMapping() : store.getPrefixMapping());
      ByteArrayOutputStream turtle = new ByteArrayOutputStream();
      RDFDataMgr.write(turtle, graph, Lang.TURTLE);
      String text =
          CanonicalTurtle.format(turtle.toString(StandardCharsets.UTF_8), project.display(file));
      if (!Files.exists(file) || !Files.readString(file).equals(text)) {
        Files.writeString(file, text);
        changed.add(file);
      }
    }
    return changed;
  }

  /** Statements whose subject is an IRI or a blank node that nothing points at. */
  private static List<Triple> topLevel(Graph graph) {
    return graph.find().toList().stream()
        .filter(t -> t.getSubject().isURI() || !graph.contains(Node.ANY, Node.ANY, t.getSubject()))
        .toList();
  }

  private static void copyWithClosure(Graph from, Triple t, Graph to) {
    to.add(t);
    if (t.getObject().isBlank()) {
      from.find(t.getObject(), Node.ANY, Node.ANY)
          .forEach(inner -> copyWithClosure(from, inner, to));
    }
  }

  /** A key of a statement that does not depend on blank node labels. */
  private static String key(Graph graph, Triple t) {
    return node(graph, t.getSubject(), 0)
        + " "
        + t.getPredicate().getURI()
        + " "
        + node(graph, t.getObject(), 0);
  }

  private static String node(Graph graph, Node n, int depth) {
    if (!n.isBlank()) {
      return n.toString();
    }
    if (depth > 16) {
      return "[]";
    }
    Set<String> parts =
        graph.find(n, Node.ANY, Node.ANY).toList().stream()
            .map(t -> t.getPredicate().getURI() + " " + node(graph, t.getObject(), depth + 1))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    return parts.stream()
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.joining(" ; ", "[", "]"));
  }
}
