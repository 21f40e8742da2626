package app.wauploader.core.upload;

/**
 * Caps the upload rate of a whole run ({@code --bwlimit}): every request body waits its turn so
 * that, over time, at most {@code bytesPerSecond} bytes leave, all transfers together. The budget
 * is spent before a request is sent (a chunk of 8 MiB at 2 MiB/s waits 4 s), so the average holds
 * and single requests are never split. Thread-safe.
 */
final class Throttle {
  /** No cap. */
  static final Throttle NONE = new Throttle(0);

  private final long bytesPerSecond;
  private long nextFreeNanos = System.nanoTime();

  private Throttle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /**
   * @param bytesPerSecond the cap, &gt; 0; 0 for none
   */
  static Throttle of(long bytesPerSecond) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("negative bandwidth " + bytesPerSecond);
    }
    return bytesPerSecond == 0 ? NONE : new Throttle(bytesPerSecond);
  }

  /**
   * Waits until {@code bytes} more may be sent.
   *
   * @throws InterruptedException when the run stops meanwhile
   */
  void acquire(long bytes) throws InterruptedException {
    if (bytesPerSecond == 0 || bytes <= 0) {
      return;
    }
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      long start = Math.max(now, nextFreeNanos);
      nextFreeNanos = start + (long) (bytes * 1e9 / bytesPerSecond);
      waitNanos = start - now;
    }
    if (waitNanos > 0) {
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
  }
}
