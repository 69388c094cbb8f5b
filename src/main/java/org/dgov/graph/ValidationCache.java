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
 * Remembers which inputs were found conforming, so that a server restarted on the same files with
 * the same build does not validate them again. The key is a SHA-256 over the build (the jar's path,
 * size and time, or the class folder's) and every byte the verdict depends on: ontology, shapes,
 * data, rules, the paper's text and Debian's ISO 3166 list where installed. Only conforming
 * verdicts are kept (a failing start must report its findings), as empty files named by the key in
 * {@code target/validated/} under the project.
 */
public final class ValidationCache {

  private final Path dir;

  private ValidationCache(Path dir) {
    this.dir = dir;
  }

  /** The cache of {@code project}, in its {@code target/validated/} folder. */
  public static ValidationCache of(Project project) {
    return new ValidationCache(project.root().resolve("target").resolve("validated"));
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

  /** Whether inputs with this key were found conforming before. */
  public boolean conformed(String key) {
    return Files.isRegularFile(dir.resolve(key));
  }

  /** Records that inputs with this key conform; a cache that cannot be written is no error. */
  public void remember(String key) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(key), new byte[0]);
    } catch (IOException e) {
      // an unwritable cache only means the next start validates again
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
              ValidationCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return Optional.of(code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code));
      }
      try (Stream<Path> classes = Files.walk(code)) {
        long newest =
            classes
                .filter(p -> p.toString().endsWith(".class"))
                .mapToLong(ValidationCache::modified)
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
