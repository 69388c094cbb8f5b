package org.dgov.web;

import java.util.List;

/**
 * What the templates in {@code src/main/jte} show: plain values prepared from the graph, so that a
 * template only lays them out. The templates escape every value.
 */
final class View {

  private View() {}

  /** A resource as people read it: its English and Chinese labels, or its name when it has none. */
  record Label(String en, String zh, String name) {

    boolean none() {
      return en == null && zh == null;
    }
  }

  /** What a cell or a property value shows: a resource, or a literal. */
  sealed interface Value permits Link, Text {}

  /** A resource by its labels, linked to its page; {@code href} is null where it has none. */
  record Link(String href, Label label) implements Value {}

  /** A literal's text, with its language tag ({@code ""} when it has none). */
  record Text(String text, String lang) implements Value {}

  /** A table of query results: a value, or null where the variable is unbound. */
  record Results(List<String> columns, List<List<Value>> rows) {}
}
