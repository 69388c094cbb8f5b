package org.dgov.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** Writes the graph as dumps: as curated, and with its RDFS closure, in three syntaxes each. */
public final class Export {

  private record Syntax(String extension, RDFFormat format) {}

  private static final List<Syntax> SYNTAXES =
      List.of(
          new Syntax("ttl", RDFFormat.TURTLE_PRETTY),
          new Syntax("nt", RDFFormat.NTRIPLES_UTF8),
          new Syntax("jsonld", RDFFormat.JSONLD11_PRETTY));

  private Export() {}

  /**
   * Writes {@code dgov.*} and {@code dgov-inferred.*} into {@code dir}; returns the files written.
   */
  public static List<Path> write(CuratedGraph graph, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.addAll(write(graph.union(), dir, "dgov"));
    written.addAll(write(Inference.closure(graph), dir, "dgov-inferred"));
    return written;
  }

  private static List<Path> write(Graph graph, Path dir, String name) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Syntax syntax : SYNTAXES) {
      Path file = dir.resolve(name + "." + syntax.extension());
      try (OutputStream out = Files.newOutputStream(file)) {
        RDFDataMgr.write(out, graph, syntax.format());
      }
      written.add(file);
    }
    return written;
  }
}
