package org.dgov.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Keeps the graph a server served, with the closure and the rules' derivations, once it was found
 * conforming, so that a server restarted on the same files with the same build neither validates
 * nor infers again: it reads the graph back (RDF Thrift, binary). The key is a SHA-256 over the
 * build (the jar's path, size and time, or the class folder's) and every byte the graph and its
 * verdict depend on: ontology, shapes, data, rules, the paper's text and Debian's ISO 3166 list
 * where installed. A graph that did not conform is never kept (a failing start must report its
 * findings), and a kept graph is read only when the SHA-256 written beside it matches. The files
 * are named by the key, in {@code target/served/} under the project.
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
    Optional<String> build = build();
    if (build.isEmpty()) {
      return Optional.empty();
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(build.get().getBytes(StandardCharsets.UTF_8));
      for (Path file : inputs(project)) {
        sha.update(project.display(file).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
      return Optional.of(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
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

  private static List<Path> inputs(Project project) throws IOException {
    List<Path> files = new ArrayList<>();
    files.addAll(project.ontologyFiles());
    files.addAll(project.shapeFiles());
    files.addAll(project.dataFiles());
    if (Files.isDirectory(project.rulesDir())) {
      try (Stream<Path> rules = Files.list(project.rulesDir())) {
        rules.filter(p -> p.toString().endsWith(".rq")).sorted().forEach(files::add);
      }
    }
    files.add(project.sourceText());
    if (Files.isReadable(IsoCodes.DEBIAN)) {
      files.add(IsoCodes.DEBIAN);
    }
    return files;
  }

  /** What identifies the code that validates: its jar, or the newest class of its folder. */
  private static Optional<String> build() {
    try {
      Path code =
          Path.of(
              ServedGraphCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return Optional.of(code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code));
      }
      try (Stream<Path> classes = Files.walk(code)) {
        long newest =
            classes
                .filter(p -> p.toString().endsWith(".class"))
                .mapToLong(ServedGraphCache::modified)
                .max()
                .orElse(0);
        return Optional.of(code + " " + newest);
      }
    } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
