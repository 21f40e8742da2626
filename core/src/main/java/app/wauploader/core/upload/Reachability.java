package app.wauploader.core.upload;

import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.FailureReason;
import java.time.Duration;

/**
 * Gives up on a run when nothing answers: when every call to Google has failed without an answer
 * (connection refused, reset, timed out) or with a server error for {@code giveUpAfter} since the
 * last good answer (or the run's start), with at least {@value #MIN_FAILURES} failures in a row,
 * the run stops as {@link StopReason#UNREACHABLE} instead of spending minutes per file on retries.
 * Thread-safe.
 */
final class Reachability {
  static final int MIN_FAILURES = 3;

  private final Duration giveUpAfter;
  private final RunControl control;
  private long lastAnswerNanos = System.nanoTime();
  private int failuresInARow;

  Reachability(Duration giveUpAfter, RunControl control) {
    this.giveUpAfter = giveUpAfter;
    this.control = control;
  }

  /**
   * Waits while the device conditions do not hold ({@link RunControl#awaitConditions}); the time
   * waited does not count as Google's silence.
   */
  void awaitConditions() throws InterruptedException {
    long before = System.nanoTime();
    control.awaitConditions();
    if (System.nanoTime() - before > 1_000_000_000L) {
      answered();
    }
  }

  /** Google answered (any answer that is not a server error). */
  synchronized void answered() {
    lastAnswerNanos = System.nanoTime();
    failuresInARow = 0;
  }

  /** A call failed; stops the run when nothing has answered for too long. */
  void failed(TargetException e) {
    if (e.reason() != FailureReason.NETWORK && e.reason() != FailureReason.SERVER) {
      answered();
      return;
    }
    long silentNanos;
    int failures;
    synchronized (this) {
      failures = ++failuresInARow;
      silentNanos = System.nanoTime() - lastAnswerNanos;
    }
    if (failures >= MIN_FAILURES && silentNanos >= giveUpAfter.toNanos()) {
      control.stop(
          new RunSummary.Stop(
              StopReason.UNREACHABLE,
              "Google did not answer for "
                  + Math.round(silentNanos / 1e9)
                  + " s ("
                  + failures
                  + " failures in a row; last: "
                  + e.getMessage()
                  + ")"));
    }
  }
}
