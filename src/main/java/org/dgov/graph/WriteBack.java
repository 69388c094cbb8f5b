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
import java.util.EnumSet;
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
import org.dgov.vocab.DGOV;

/**
 * Writes a store's content back into the curated files, in canonical form: each statement goes back
 * to the file that holds it, a new statement about a known resource to the file that types it, a
 * new resource to {@code data/new-entries.ttl}. Curated files → store → files is a round trip
 * without loss.
 *
 * <p>It never loses data without being told to: a store that no longer describes resources the
 * curated files describe is refused unless {@link Allow#LOST_RESOURCES} is given, and a curated
 * file the store would leave empty is refused unless {@link Allow#EMPTIED_FILES} is given, which
 * deletes it. A refusal names the resources or files and writes nothing.
 */
public final class WriteBack {

  /** Where statements about new resources go. */
  public static final String NEW_ENTRIES = "data/new-entries.ttl";

  /** How many lost resources a refusal names one by one. */
  private static final int NAMED = 20;

  /** What writing back does only when told to. */
  public enum Allow {
    /** Write back a store that no longer describes resources the curated files describe. */
    LOST_RESOURCES,
    /** Delete a curated file the store no longer holds any statement of. */
    EMPTIED_FILES
  }

  /**
   * What writing back did to one file. A statement whose object is a blank node (an evidence)
   * counts once, with all that node holds.
   *
   * @param file the file
   * @param added statements the file did not hold before
   * @param removed statements the file no longer holds
   * @param created whether the file is new
   * @param deleted whether the file was deleted (left empty, {@link Allow#EMPTIED_FILES})
   */
  public record FileChange(Path file, int added, int removed, boolean created, boolean deleted) {}

  /** A write back that would lose data it was not told it may lose; nothing was written. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Set<Allow> needed;

    Refused(String message, Set<Allow> needed) {
      super(message);
      this.needed = Set.copyOf(needed);
    }

    /** What would have to be allowed for the write back to go ahead. */
    public Set<Allow> needed() {
      return needed;
    }
  }

  private WriteBack() {}

  /**
   * Rewrites the files of {@code project} from {@code store}; returns what changed, file by file.
   */
  public static List<FileChange> write(Project project, Graph store, Set<Allow> allowed)
      throws IOException, SyntaxError, Refused {
    List<Path> files = new ArrayList<>(project.ontologyFiles());
    files.addAll(project.dataFiles());
    Path newEntries = project.root().resolve(NEW_ENTRIES);
    if (!files.contains(newEntries)) {
      files.add(newEntries);
    }
    Map<Path, RdfFiles.Parsed> parsed = new LinkedHashMap<>();
    Map<String, Deque<Path>> filesOfStatement = new HashMap<>();
    Map<Node, Path> home = new HashMap<>();
    Map<Node, Path> described = new LinkedHashMap<>();
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
        if (t.getSubject().isURI()) {
          described.putIfAbsent(t.getSubject(), file);
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
    refuseLosses(project, store, allowed, described, home, parsed, out);
    List<FileChange> changes = new ArrayList<>();
    for (Map.Entry<Path, Graph> e : out.entrySet()) {
      Path file = e.getKey();
      Graph graph = e.getValue();
      RdfFiles.Parsed before = parsed.get(file);
      int[] difference = difference(before == null ? null : before.graph(), graph);
      if (graph.isEmpty()) {
        if (before != null && !before.graph().isEmpty()) {
          Files.delete(file);
          changes.add(new FileChange(file, 0, difference[1], false, true));
        }
        continue;
      }
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
        changes.add(new FileChange(file, difference[0], difference[1], before == null, false));
      }
    }
    return changes;
  }

  /**
   * Refuses, before anything is written, a store that no longer describes resources that {@code
   * described} lists (each with a file describing it; named by the file that types it, its {@code
   * home}), and files that {@code out} would leave empty, unless {@code allowed} says so.
   */
  private static void refuseLosses(
      Project project,
      Graph store,
      Set<Allow> allowed,
      Map<Node, Path> described,
      Map<Node, Path> home,
      Map<Path, RdfFiles.Parsed> parsed,
      Map<Path, Graph> out)
      throws Refused {
    List<String> problems = new ArrayList<>();
    Set<Allow> needed = EnumSet.noneOf(Allow.class);
    List<Node> lost =
        described.keySet().stream().filter(r -> !store.contains(r, Node.ANY, Node.ANY)).toList();
    if (!lost.isEmpty() && !allowed.contains(Allow.LOST_RESOURCES)) {
      String named =
          lost.stream()
              .limit(NAMED)
              .map(
                  r ->
                      name(store, r)
                          + " ("
                          + project.display(home.getOrDefault(r, described.get(r)))
                          + ")")
              .collect(Collectors.joining(", "));
      problems.add(
          "the store no longer describes "
              + lost.size()
              + " resource(s) that the curated files describe: "
              + named
              + (lost.size() > NAMED ? " and " + (lost.size() - NAMED) + " more" : ""));
      needed.add(Allow.LOST_RESOURCES);
    }
    List<String> emptied =
        parsed.entrySet().stream()
            .filter(e -> !e.getValue().graph().isEmpty() && out.get(e.getKey()).isEmpty())
            .map(
                e ->
                    project.display(e.getKey())
                        + " ("
                        + topLevel(e.getValue().graph()).size()
                        + " statements)")
            .toList();
    if (!emptied.isEmpty() && !allowed.contains(Allow.EMPTIED_FILES)) {
      problems.add(
          "the store holds no statement of "
              + String.join(", ", emptied)
              + ": the file(s) would be deleted");
      needed.add(Allow.EMPTIED_FILES);
    }
    if (!problems.isEmpty()) {
      throw new Refused(String.join("; ", problems) + "; nothing was written", needed);
    }
  }

  /** Statements added to and removed from {@code before} (null: no file) to give {@code after}. */
  private static int[] difference(Graph before, Graph after) {
    Map<String, Integer> count = new HashMap<>();
    if (before != null) {
      topLevel(before).forEach(t -> count.merge(key(before, t), 1, Integer::sum));
    }
    int added = 0;
    for (Triple t : topLevel(after)) {
      if (count.merge(key(after, t), -1, Integer::sum) < 0) {
        added++;
      }
    }
    int removed = count.values().stream().filter(c -> c > 0).mapToInt(Integer::intValue).sum();
    return new int[] {added, removed};
  }

  /** {@code dgr:slug}, or the prefixed name or IRI. */
  private static String name(Graph store, Node resource) {
    String uri = resource.getURI();
    return uri.startsWith(DGOV.ID)
        ? "dgr:" + uri.substring(DGOV.ID.length())
        : store.getPrefixMapping().shortForm(uri).equals(uri)
            ? "<" + uri + ">"
            : store.getPrefixMapping().shortForm(uri);
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
