package app.wauploader.core.upload;

/** Counts tasks submitted but not finished, so a run can wait for all of them. */
final class PendingTasks {
  private long pending;

  synchronized void add() {
    pending++;
  }

  synchronized void done() {
    if (--pending == 0) {
      notifyAll();
    }
  }

  /** True if no task is pending right now. */
  synchronized boolean isIdle() {
    return pending == 0;
  }

  synchronized void awaitNone() throws InterruptedException {
    while (pending > 0) {
      wait();
    }
  }

  /** Daemon threads named {@code wa-<prefix>-<n>}. */
  static java.util.concurrent.ThreadFactory named(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "wa-" + prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
