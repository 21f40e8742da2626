package app.wauploader.core.upload;

/**
 * How many transfers may run at once: starts at the configured number, halves (down to 1) when
 * Google says we are rate-limited, and grows back by one after every {@value #GROW_AFTER}
 * successful transfers. This slows the whole run, not just the file that was refused.
 */
final class AdaptiveLimit {
  static final int GROW_AFTER = 10;

  private final int max;
  private int limit;
  private int active;
  private int successes;
  private int lowest;

  AdaptiveLimit(int max) {
    this.max = max;
    this.limit = max;
    this.lowest = max;
  }

  synchronized void acquire() throws InterruptedException {
    while (active >= limit) {
      wait();
    }
    active++;
  }

  synchronized void release() {
    active--;
    notifyAll();
  }

  /** Google rate-limited a request: halve the parallelism. */
  synchronized void rateLimited() {
    limit = Math.max(1, limit / 2);
    lowest = Math.min(lowest, limit);
    successes = 0;
  }

  /** A transfer completed: after enough of them, allow one more in parallel. */
  synchronized void succeeded() {
    if (limit < max && ++successes >= GROW_AFTER) {
      limit++;
      successes = 0;
      notifyAll();
    }
  }

  /** The lowest limit reached in this run. */
  synchronized int lowest() {
    return lowest;
  }
}
