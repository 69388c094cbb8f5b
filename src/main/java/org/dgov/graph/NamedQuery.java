package org.dgov.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A SPARQL query kept in {@code queries/NAME.rq}, with a header of {@code # title:} and {@code #
 * description:} lines that tools can read. A query that feeds a section of a page names it in a
 * {@code # section:} line (for instance {@code home-matrix}); the page looks the query up by its
 * section, so the query file is the one place that says which query a section shows.
 */
public record NamedQuery(
    String name, String title, String description, Optional<String> section, String text) {

  private static final Pattern HEADER =
      Pattern.compile("^#\\s*(title|description|section):\\s*(.*)$", Pattern.MULTILINE);

  /** Reads {@code file}; its name without {@code .rq} is the query's name. */
  public static NamedQuery read(Path file) {
    try {
      String text = Files.readString(file);
      String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
      return new NamedQuery(
          name,
          header(text, "title").orElse(name),
          header(text, "description").orElse(""),
          header(text, "section"),
          text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every named query in {@code dir}, by name. */
  public static List<NamedQuery> all(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".rq"))
          .sorted()
          .map(NamedQuery::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query among {@code queries} that feeds {@code section}, if one does. */
  public static Optional<NamedQuery> forSection(Collection<NamedQuery> queries, String section) {
    return queries.stream()
        .filter(q -> q.section().filter(section::equals).isPresent())
        .findFirst();
  }

  private static Optional<String> header(String text, String key) {
    Matcher m = HEADER.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(key)) {
        return Optional.of(m.group(2).trim());
      }
    }
    return Optional.empty();
  }
}
