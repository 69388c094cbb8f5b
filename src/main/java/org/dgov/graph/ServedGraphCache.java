package org.dgov.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Keeps the graph a server served, with the closure and the rules' derivations, once it was found
 * conforming, so that a server restarted on the same files with the same build neither validates
 * nor infers again: it reads the graph back (RDF Thrift, binary). The key is that of the {@link
 * Inputs}, the data files included. A graph that did not conform is never kept (a failing start
 * must report its findings), and a kept graph is read only when the SHA-256 written beside it
 * matches. The files are named by the key, in {@code target/served/} under the project.
 */
public final class ServedGraphCache {

  private final Path dir;

  private ServedGraphCache(Path dir) {
    this.dir = dir;
  }

  /** The cache of {@code project}, in its {@code target/served/} folder. */
  public static ServedGraphCache of(Project project) {
    return new ServedGraphCache(project.root().resolve("target").resolve("served"));
  }

  /** The key of {@code project}'s inputs with this build; empty when the build is unknown. */
  public Optional<String> key(Project project) {
    return Inputs.key(project, true);
  }

  /** Whether a graph is kept under {@code key} (it may still turn out damaged when read). */
  public boolean has(String key) {
    return Files.isRegularFile(file(key)) && Files.isRegularFile(digestFile(key));
  }

  /** The graph served before from inputs with this key, which conformed; empty if none is kept. */
  public Optional<Graph> served(String key) {
    Path file = file(key);
    Path digest = digestFile(key);
    try {
      if (!Files.isRegularFile(file) || !Files.isRegularFile(digest)) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      if (!Files.readString(digest).equals(sha256(bytes))) {
        return Optional.empty(); // damaged: infer and validate again
      }
      Graph graph = GraphFactory.createDefaultGraph();
      RDFParser.source(new ByteArrayInputStream(bytes)).lang(RDFLanguages.RDFTHRIFT).parse(graph);
      return Optional.of(graph);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code served}, which conformed, under {@code key}; written to a temporary file first, so
   * that a reader never sees half a graph. A cache that cannot be written is no error.
   */
  public void remember(String key, Graph served) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      RDFDataMgr.write(bytes, served, RDFFormat.RDF_THRIFT);
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, key, ".part");
      Files.write(partial, bytes.toByteArray());
      Files.move(
          partial, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(digestFile(key), sha256(bytes.toByteArray()));
    } catch (IOException | RuntimeException e) {
      // an unwritable cache only means the next start infers and validates again
    }
  }

  private Path file(String key) {
    return dir.resolve(key + ".rt");
  }

  /** The SHA-256 of the kept graph's bytes, written after it: a graph without one is not read. */
  private Path digestFile(String key) {
    return dir.resolve(key + ".rt.sha256");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
