package org.dgov.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Known slugs indexed for "did you mean" hints: a BK-tree under Levenshtein distance, so that the
 * slugs within a few edits of an unknown one are found by visiting a few branches rather than
 * comparing it with every known slug. Only slug-shaped names of at most {@value #MAX_LENGTH}
 * characters are indexed or looked up, and within at most {@value #MAX_EDITS} edits, so a hint
 * costs little whatever an entry sends: the longest curated slug has 82 characters.
 */
public final class SlugIndex {

  /** The longest name that is indexed or gets a hint. */
  public static final int MAX_LENGTH = 120;

  /** The most edits a hint may be away from the name it is for. */
  public static final int MAX_EDITS = 3;

  /** ASCII letters and digits, with hyphens, underscores or dots between them. */
  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*");

  /** A name and its children, keyed by their distance from it. */
  private static final class Entry {
    final String name;
    final TreeMap<Integer, Entry> children = new TreeMap<>();

    Entry(String name) {
      this.name = name;
    }

    int farthest() {
      return children.isEmpty() ? 0 : children.lastKey();
    }
  }

  private final Entry root;

  private SlugIndex(Entry root) {
    this.root = root;
  }

  /**
   * The index of the slug-shaped names of at most {@value #MAX_LENGTH} characters in {@code names}.
   */
  public static SlugIndex of(Collection<String> names) {
    Entry root = null;
    for (String name : names) {
      if (!indexable(name)) {
        continue;
      }
      if (root == null) {
        root = new Entry(name);
        continue;
      }
      Entry at = root;
      while (true) {
        int d = Similarity.distance(name, at.name);
        if (d == 0) {
          break;
        }
        Entry child = at.children.get(d);
        if (child == null) {
          at.children.put(d, new Entry(name));
          break;
        }
        at = child;
      }
    }
    return new SlugIndex(root);
  }

  /** Whether {@code name} is slug-shaped and short enough to be indexed or to get a hint. */
  public static boolean indexable(String name) {
    return name.length() <= MAX_LENGTH && SLUG.matcher(name).matches();
  }

  /**
   * The edits a hint for {@code name} may be away: a third of its length, at least 1 and at most
   * {@value #MAX_EDITS}.
   */
  public static int edits(String name) {
    return Math.min(MAX_EDITS, Math.max(1, name.length() / 3));
  }

  /**
   * The indexed name closest to {@code name} other than itself, within {@link #edits(String)}
   * edits; of equally close ones the first in alphabetical order. Empty for a name that is not
   * {@link #indexable(String)}.
   */
  public Optional<String> closest(String name) {
    if (!indexable(name)) {
      return Optional.empty();
    }
    return within(name, edits(name)).stream().filter(n -> !n.equals(name)).findFirst();
  }

  /**
   * The indexed names at most {@code max} edits from {@code name}, closest first, then in
   * alphabetical order. A name's distance is computed only up to {@code max} past its farthest
   * child, which is all the search needs to choose the branches to visit.
   */
  public List<String> within(String name, int max) {
    record Found(String name, int distance) {}
    List<Found> found = new ArrayList<>();
    Deque<Entry> todo = new ArrayDeque<>();
    if (root != null) {
      todo.push(root);
    }
    while (!todo.isEmpty()) {
      Entry at = todo.pop();
      int d = Similarity.distance(name, at.name, max + at.farthest());
      if (d <= max) {
        found.add(new Found(at.name, d));
      }
      for (Map.Entry<Integer, Entry> child :
          at.children.subMap(d - max, true, d + max, true).entrySet()) {
        todo.push(child.getValue());
      }
    }
    return found.stream()
        .sorted(Comparator.comparingInt(Found::distance).thenComparing(Found::name))
        .map(Found::name)
        .toList();
  }
}
