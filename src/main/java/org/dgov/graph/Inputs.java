package org.dgov.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a verdict on a graph depends on besides its statements: the build that checks (the jar's
 * path, size and time, or the class folder's) and the files it checks with (ontology, shapes,
 * rules, the paper's text and Debian's ISO 3166 list where installed), with the data files or
 * without. Its key is a SHA-256 over all of them: the same key, the same verdict on the same data.
 */
public final class Inputs {

  private Inputs() {}

  /**
   * The key of {@code project}'s inputs with this build, the data files included when {@code data}
   * says so; empty when the build is unknown.
   */
  public static Optional<String> key(Project project, boolean data) {
    Optional<String> build = build();
    if (build.isEmpty()) {
      return Optional.empty();
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(build.get().getBytes(StandardCharsets.UTF_8));
      for (Path file : files(project, data)) {
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

  private static List<Path> files(Project project, boolean data) throws IOException {
    List<Path> files = new ArrayList<>();
    files.addAll(project.ontologyFiles());
    files.addAll(project.shapeFiles());
    if (data) {
      files.addAll(project.dataFiles());
    }
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
      Path code = Path.of(Inputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return Optional.of(code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code));
      }
      try (Stream<Path> classes = Files.walk(code)) {
        long newest =
            classes
                .filter(p -> p.toString().endsWith(".class"))
                .mapToLong(Inputs::modified)
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
