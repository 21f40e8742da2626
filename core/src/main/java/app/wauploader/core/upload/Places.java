package app.wauploader.core.upload;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on work planned but not finished: planning takes a place for each transfer it hands on
 * ({@link #take}, waiting while none is free) and the transfer gives it back when it ends ({@link
 * #run}). Without it, a first backup of 100,000 small files plans far faster than it sends and
 * holds every planned item in the transfer queue (~600 bytes each). Only planning waits — a
 * transfer sending a file again never does, so the pools cannot block each other.
 */
final class Places {
  private final Semaphore free;

  Places(int places) {
    this.free = new Semaphore(places);
  }

  /**
   * Takes a place, waiting while none is free.
   *
   * @return false if the run stops (or this thread is interrupted) first
   */
  boolean take(RunControl control) {
    try {
      while (!free.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (control.isStopping()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code work}, then gives its place back. */
  void run(Runnable work) {
    try {
      work.run();
    } finally {
      free.release();
    }
  }
}
