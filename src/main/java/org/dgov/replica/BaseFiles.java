package org.dgov.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.dgov.graph.Project;
import org.dgov.store.Store;

/**
 * The files a store is made from, as one key: a SHA-256 over the names and bytes of the ontology,
 * data and rule files, which fix its first content, blank nodes included (the curated files are
 * parsed with labels drawn from each file's name), and its entailment. A primary keeps the key of
 * the files its store was made from in the store's folder ({@value #FILE}) and sends it with every
 * patch; a replica applies patches only to a store made from files of the same key. The file is one
 * of the store's markers ({@link Store#mark}), like the one that says the store was checked. Unlike
 * {@link org.dgov.graph.Inputs}, the key leaves out the build: replicas run on other machines.
 */
public final class BaseFiles {

  /** The file, in a store's folder, that holds the key of the files the store was made from. */
  public static final String FILE = "dgov-base";

  private BaseFiles() {}

  /** The key of {@code project}'s ontology, data and rule files. */
  public static String key(Project project) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : files(project)) {
        sha.update(project.display(file).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Remembers, in the store folder {@code db}, that its store was made from {@code key}. */
  public static void remember(Path db, String key) throws IOException {
    Store.mark(db, FILE, key);
  }

  /** The key of the files the store in {@code db} was made from, if it was remembered. */
  public static Optional<String> of(Path db) throws IOException {
    return Store.marked(db, FILE);
  }

  private static List<Path> files(Project project) throws IOException {
    List<Path> files = new ArrayList<>(project.ontologyFiles());
    files.addAll(project.dataFiles());
    if (Files.isDirectory(project.rulesDir())) {
      try (Stream<Path> rules = Files.list(project.rulesDir())) {
        rules.filter(p -> p.toString().endsWith(".rq")).sorted().forEach(files::add);
      }
    }
    return files;
  }
}
