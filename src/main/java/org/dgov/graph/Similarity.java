package org.dgov.graph;

/** How far apart two slugs are, for "did you mean" suggestions. */
public final class Similarity {

  private Similarity() {}

  /** Levenshtein distance between {@code a} and {@code b}. */
  public static int distance(String a, String b) {
    return distance(a, b, Math.max(a.length(), b.length()));
  }

  /**
   * Levenshtein distance between {@code a} and {@code b} if it is at most {@code max}, else {@code
   * max + 1}: only the band of cells within {@code max} of the diagonal is computed, and the
   * computation stops at the first row whose every cell exceeds {@code max}, so the cost is at most
   * {@code a.length() × (2 max + 1)}, and nothing when the lengths alone differ by more than {@code
   * max}.
   */
  public static int distance(String a, String b, int max) {
    int bound = Math.min(max, Math.max(a.length(), b.length()));
    int over = bound + 1;
    if (Math.abs(a.length() - b.length()) > bound) {
      return over;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j <= bound ? j : over;
    }
    for (int i = 1; i <= a.length(); i++) {
      int from = Math.max(1, i - bound);
      int to = Math.min(b.length(), i + bound);
      current[from - 1] = from == 1 ? i : over;
      int best = current[from - 1];
      for (int j = from; j <= to; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        best = Math.min(best, current[j]);
      }
      if (to < b.length()) {
        current[to + 1] = over;
      }
      if (best > bound) {
        return over;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], over);
  }
}
