package app.wauploader.emulator.http;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * A shared pace for reading upload bodies: all uploads together get at most {@code bytesPerSecond}.
 * Readers call {@link #pace(long)} after each slice they read; it sleeps until that slice's share
 * of the budget is due. Thread-safe.
 */
public final class Bandwidth {
  private static final long MAX_SLICE_BYTES = 16 * 1024;

  private final long bytesPerSecond;
  private long nextFreeNanos;

  private Bandwidth(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
    this.nextFreeNanos = System.nanoTime();
  }

  /** No limit. */
  public static Bandwidth unlimited() {
    return new Bandwidth(0);
  }

  /** At most {@code bytesPerSecond} bytes per second in total; 0 means unlimited. */
  public static Bandwidth of(long bytesPerSecond) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("bandwidth must be >= 0 bytes/s, got " + bytesPerSecond);
    }
    return new Bandwidth(bytesPerSecond);
  }

  public boolean isLimited() {
    return bytesPerSecond > 0;
  }

  /**
   * The largest slice a reader should take at once: 16 KiB, less for slow rates so that one sleep
   * stays under about 50 ms (which keeps shutdown prompt).
   */
  public int sliceBytes() {
    if (!isLimited()) {
      return (int) MAX_SLICE_BYTES;
    }
    return (int) Math.max(1, Math.min(MAX_SLICE_BYTES, bytesPerSecond / 20));
  }

  /** Accounts {@code bytes} just read and sleeps until they fit the budget. */
  public void pace(long bytes) throws InterruptedIOException {
    if (!isLimited() || bytes <= 0) {
      return;
    }
    long dueNanos;
    synchronized (this) {
      long now = System.nanoTime();
      long start = Math.max(nextFreeNanos, now);
      nextFreeNanos = start + TimeUnit.SECONDS.toNanos(bytes) / bytesPerSecond;
      dueNanos = nextFreeNanos;
    }
    long waitNanos = dueNanos - System.nanoTime();
    if (waitNanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while throttling an upload body");
      }
    }
  }
}
