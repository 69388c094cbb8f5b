package org.dgov.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential backoff of wrong credentials, by key (a client's address, or a user name): the first
 * {@link #free} failures cost nothing; after the {@code n}-th failure ({@code n ≥ free}) the key
 * waits {@link #first} × 2<sup>n − free</sup>, at most {@link #cap}. A key that is waiting is
 * refused without its credentials being checked, and a refused attempt does not count, so a wait
 * never grows while it runs. A success forgets the key; so does {@link #forget} without failures.
 *
 * <p>Failures are counted as attempts arrive, before their credentials are checked, so that many
 * sent at once count too. At most {@link #KEYS_KEPT} keys are kept: beyond that, the keys not
 * waiting are dropped first, then all, so that random names or addresses cannot fill the heap.
 */
final class Backoff {

  /** Keys kept before the idle ones are dropped. */
  static final int KEYS_KEPT = 10_000;

  private final int free;
  private final Duration first;
  private final Duration cap;
  private final Duration forget;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** How many failures a key had in a row, and when the last of them came. */
  private record Failures(int count, Instant last) {}

  Backoff(int free, Duration first, Duration cap, Duration forget, Clock clock) {
    this.free = free;
    this.first = first;
    this.cap = cap;
    this.forget = forget;
    this.clock = clock;
  }

  /** How long {@code key} must still wait before its next attempt is checked; zero if none. */
  Duration waiting(String key) {
    Failures known = failures.get(key);
    if (known == null || known.count() < free) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), known.last().plus(delay(known.count())));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The wait after the {@code count}-th failure in a row ({@code count ≥ free}). */
  Duration delay(int count) {
    int doublings = count - free;
    if (doublings >= 31 || first.multipliedBy(1L << doublings).compareTo(cap) >= 0) {
      return cap;
    }
    return first.multipliedBy(1L << doublings);
  }

  /** Counts an attempt of {@code key} as a failure until a {@link #success} says otherwise. */
  void attempt(String key) {
    Instant now = clock.instant();
    if (failures.size() >= KEYS_KEPT) {
      failures.values().removeIf(f -> f.count() < free || !waitingAt(f, now));
      if (failures.size() >= KEYS_KEPT) {
        failures.clear();
      }
    }
    failures.merge(
        key,
        new Failures(1, now),
        (known, one) ->
            now.isAfter(known.last().plus(forget)) ? one : new Failures(known.count() + 1, now));
  }

  /** Forgets {@code key}'s failures. */
  void success(String key) {
    failures.remove(key);
  }

  private boolean waitingAt(Failures f, Instant now) {
    return now.isBefore(f.last().plus(delay(f.count())));
  }
}
