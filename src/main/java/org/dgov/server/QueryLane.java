package org.dgov.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The ad-hoc query lane, shared so that no few clients can close it: every query starts in a short
 * slot, and one still running after {@link LaneSettings#shortMillis()} moves to a heavy slot, or is
 * stopped — with 429 when its client already holds its share of heavy slots, with 503 when every
 * heavy slot is taken. A cheap query thus costs a short slot for a moment, never a heavy one, and
 * is answered while heavy queries fill their slots. A query the lane stopped keeps its short slot
 * until it has really ended, so that a query Jena is slow to stop is still counted.
 */
final class QueryLane {

  /** What a client is told to wait before it asks again. */
  static final int RETRY_AFTER_SECONDS = 5;

  /** Why the lane did not run a query to its end: the status to answer, and a plain reason. */
  record Refusal(int status, String reason) {}

  private enum State {
    SHORT,
    HEAVY,
    REFUSED,
    DONE
  }

  private final LaneSettings settings;
  private final Semaphore shortSlots;
  private final Semaphore heavySlots;
  private final Map<String, Integer> heavyByClient = new ConcurrentHashMap<>();
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "dgov-query-lane");
            thread.setDaemon(true);
            return thread;
          });

  QueryLane(LaneSettings settings) {
    this.settings = settings;
    this.shortSlots = new Semaphore(settings.shortSlots(), true);
    this.heavySlots = new Semaphore(settings.heavySlots());
  }

  /**
   * A short slot for a query of {@code client}, waited for up to the short lane's time; the ticket
   * is refused at once (503) if none came free.
   */
  Ticket enter(String client) {
    boolean entered;
    try {
      entered = shortSlots.tryAcquire(settings.shortMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entered = false;
    }
    return new Ticket(client, entered);
  }

  /** One query's place in the lane; closing it gives back whichever slot it holds. */
  final class Ticket implements AutoCloseable {
    private final String client;
    private final ScheduledFuture<?> move;
    private State state;
    private Refusal refusal;
    private Runnable stop = () -> {};

    private Ticket(String client, boolean entered) {
      this.client = client;
      if (entered) {
        state = State.SHORT;
        move = clock.schedule(this::moveToHeavy, settings.shortMillis(), TimeUnit.MILLISECONDS);
      } else {
        state = State.DONE;
        refusal =
            new Refusal(
                503,
                "all "
                    + settings.shortSlots()
                    + " slots for starting queries are taken: retry in "
                    + RETRY_AFTER_SECONDS
                    + " s");
        move = null;
      }
    }

    /** Why the lane stopped or refused this query, if it did. */
    synchronized Optional<Refusal> refusal() {
      return Optional.ofNullable(refusal);
    }

    /**
     * Has {@code stop} stop the query if the lane refuses it a heavy slot; at once if it already
     * did.
     */
    void onRefusal(Runnable stop) {
      boolean now;
      synchronized (this) {
        this.stop = stop;
        now = refusal != null;
      }
      if (now) {
        stop.run();
      }
    }

    private void moveToHeavy() {
      Runnable stopNow;
      synchronized (this) {
        if (state != State.SHORT) {
          return;
        }
        refusal = heavySlot();
        if (refusal == null) {
          state = State.HEAVY;
          shortSlots.release();
          return;
        }
        state = State.REFUSED;
        stopNow = stop;
      }
      stopNow.run();
    }

    /** Takes a heavy slot for this ticket's client; or why not. */
    private Refusal heavySlot() {
      boolean[] withinShare = {false};
      heavyByClient.compute(
          client,
          (c, held) -> {
            int n = held == null ? 0 : held;
            withinShare[0] = n < settings.heavyPerClient();
            return withinShare[0] ? n + 1 : held;
          });
      if (!withinShare[0]) {
        return new Refusal(
            429,
            "this client already runs "
                + settings.heavyPerClient()
                + " queries that took longer than "
                + settings.shortMillis()
                + " ms, its share: wait for one to end, and retry in "
                + RETRY_AFTER_SECONDS
                + " s");
      }
      if (!heavySlots.tryAcquire()) {
        release(client);
        return new Refusal(
            503,
            "the query took longer than "
                + settings.shortMillis()
                + " ms, and all "
                + settings.heavySlots()
                + " slots for longer queries are taken: it was stopped; retry in "
                + RETRY_AFTER_SECONDS
                + " s, or narrow the query");
      }
      return null;
    }

    @Override
    public synchronized void close() {
      if (move != null) {
        move.cancel(false);
      }
      switch (state) {
        case SHORT, REFUSED -> shortSlots.release();
        case HEAVY -> {
          heavySlots.release();
          release(client);
        }
        case DONE -> {}
      }
      state = State.DONE;
    }
  }

  private void release(String client) {
    heavyByClient.computeIfPresent(client, (c, held) -> held > 1 ? held - 1 : null);
  }
}
