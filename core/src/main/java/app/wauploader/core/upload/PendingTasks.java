package app.wauploader.core.upload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Runs a run's tasks on its pools and counts those submitted but not finished, so the run can wait
 * for all of them; a stop interrupts the threads running them ({@link #interruptAll}); a task's
 * unexpected exception stops the run as an internal error.
 */
final class PendingTasks {
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final RunControl control;
  private long pending;

  PendingTasks(RunControl control) {
    this.control = control;
  }

  /** Runs {@code task} on {@code pool}, counted until it ends (or the pool refuses it). */
  void submit(ExecutorService pool, Runnable task) {
    add();
    try {
      pool.execute(
          () -> {
            Thread self = Thread.currentThread();
            Thread.interrupted(); // a stop meant for an earlier task of this thread
            workers.add(self);
            try {
              task.run();
            } catch (RuntimeException e) {
              control.stop(new RunSummary.Stop(StopReason.INTERNAL, "internal error: " + e));
            } finally {
              workers.remove(self);
              done();
            }
          });
    } catch (RuntimeException rejected) {
      done();
    }
  }

  /** Interrupts every thread running a task now (a stop). */
  void interruptAll() {
    workers.forEach(Thread::interrupt);
  }

  private synchronized void add() {
    pending++;
  }

  private synchronized void done() {
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
