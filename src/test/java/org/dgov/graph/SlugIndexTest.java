package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The BK-tree finds exactly what comparing with every known slug finds, and hints only for
 * slug-shaped names of bounded length.
 */
class SlugIndexTest {

  /** Random slugs over a small alphabet, so that many are within a few edits of each other. */
  private static String randomSlug(Random random) {
    int length = 1 + random.nextInt(12);
    StringBuilder slug = new StringBuilder();
    for (int i = 0; i < length; i++) {
      slug.append("abc-".charAt(random.nextInt(i == 0 || i == length - 1 ? 3 : 4)));
    }
    return slug.toString().replaceAll("-+", "-");
  }

  @Test
  void withinFindsWhatABruteForceScanFinds() {
    Random random = new Random(18);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      names.add(randomSlug(random));
    }
    SlugIndex index = SlugIndex.of(names);
    List<String> distinct = names.stream().distinct().toList();
    for (int i = 0; i < 300; i++) {
      String query = randomSlug(random);
      int max = random.nextInt(5);
      List<String> scan =
          distinct.stream()
              .filter(n -> Similarity.distance(n, query) <= max)
              .sorted(
                  Comparator.comparingInt((String n) -> Similarity.distance(n, query))
                      .thenComparing(Comparator.naturalOrder()))
              .toList();
      assertEquals(scan, index.within(query, max), query + " within " + max);
    }
  }

  @Test
  void closestIsTheNearestOtherSlugFirstInAlphabeticalOrder() {
    SlugIndex index =
        SlugIndex.of(List.of("singapore", "cross-border-data-flows", "rcep", "rcap", "singapore"));
    assertEquals(Optional.of("singapore"), index.closest("singapre"));
    assertEquals(Optional.of("cross-border-data-flows"), index.closest("cross-border-data-flow"));
    assertEquals(Optional.of("rcap"), index.closest("rcep"), "a known slug is not its own hint");
    assertEquals(Optional.of("rcap"), index.closest("rcbp"), "ties go to the first alphabetically");
  }

  @Test
  void noHintForLongOrOddNamesOrFarOnes() {
    SlugIndex index = SlugIndex.of(List.of("rcep", "a".repeat(200), "x".repeat(1000)));
    assertTrue(index.closest("a".repeat(199)).isEmpty(), "over the length limit");
    assertTrue(index.closest("x".repeat(999)).isEmpty(), "over the length limit");
    assertTrue(index.closest("rcep<script>").isEmpty(), "not slug-shaped");
    assertTrue(index.closest("zzzzzzzz").isEmpty(), "more edits away than the bound");
    assertEquals(List.of("rcep"), index.within("rcep", 0), "only indexable names are indexed");
  }
}
