package app.wauploader.core.upload;

import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.source.ScanOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * Knobs of one backup run. Build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param transfers parallel transfers, 1..16 (fewer while Google rate-limits)
 * @param hashThreads parallel hashing threads, ≥ 1
 * @param chunkBytes bytes per upload request, a positive multiple of 256 KiB
 * @param dryRun plan only: hash and decide, write nothing, send nothing
 * @param owner who this run is, for locks
 * @param lockTimeout a lock whose heartbeat is older than this is taken over
 * @param progressBytes the acknowledged offset and chunk ledger are written at least every this
 *     many bytes…
 * @param progressInterval …or this often, whichever comes first (and always at the end)
 * @param retryLater how long an item whose transient failures outlasted the retries waits before a
 *     later run tries it again
 * @param now true to try waiting items at once (retrying, or paused for a quota), by the user's
 *     explicit choice
 * @param unreachableAfter the run stops when nothing has answered for this long (see {@link
 *     Reachability})
 * @param restoreDates true (the default) to write each photo's and video's capture date into the
 *     bytes sent to Google Photos and give Drive files it as their times (see {@code SentBytes});
 *     false sends every file as it is
 * @param chat the id of the one chat whose media this run backs up (a session for that chat), or
 *     empty for every file listed
 * @param bwlimitBytesPerSecond the run's upload cap, bytes per second, all transfers together; 0
 *     for none ({@code --bwlimit})
 * @param services the services this run backs up to (not empty; default both): files routed to
 *     another are skipped, not eligible for this run (the app's "Photos and/or Drive")
 */
public record UploadOptions(
    int transfers,
    int hashThreads,
    int chunkBytes,
    ScanOptions scan,
    boolean dryRun,
    RetryPolicy retry,
    LockOwner owner,
    Duration lockTimeout,
    long progressBytes,
    Duration progressInterval,
    Duration retryLater,
    boolean now,
    Duration unreachableAfter,
    boolean restoreDates,
    Optional<String> chat,
    long bwlimitBytesPerSecond,
    java.util.Set<app.wauploader.domain.Service> services) {
  /** 256 KiB: Google's chunk granularity for resumable uploads. */
  public static final int CHUNK_GRANULARITY = 256 * 1024;

  /** Default chunk: 8 MiB (rclone's choice; Google's client uses 10 MiB). */
  public static final int DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

  public UploadOptions {
    if (transfers < 1 || transfers > 16) {
      throw new IllegalArgumentException("transfers must be 1..16, was " + transfers);
    }
    if (hashThreads < 1) {
      throw new IllegalArgumentException("hash threads must be >= 1");
    }
    if (chunkBytes <= 0 || chunkBytes % CHUNK_GRANULARITY != 0) {
      throw new IllegalArgumentException("chunk size must be a positive multiple of 256 KiB");
    }
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("lock timeout must be positive");
    }
  }

  /**
   * Defaults: 3 transfers, a hash thread per core (≥ 2), 8 MiB chunks, locks stale after 10 min,
   * progress written every 8 MiB or 5 s, retry-later 15 min, waits respected, give up when nothing
   * answered for 60 s, capture dates restored.
   */
  public static UploadOptions defaults() {
    return new UploadOptions(
        3,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        DEFAULT_CHUNK_BYTES,
        ScanOptions.defaults(),
        false,
        RetryPolicy.defaults(),
        LockOwner.create("localhost", 0),
        Duration.ofMinutes(10),
        8L * 1024 * 1024,
        Duration.ofSeconds(5),
        Duration.ofMinutes(15),
        false,
        Duration.ofSeconds(60),
        true,
        Optional.empty(),
        0,
        java.util.EnumSet.allOf(app.wauploader.domain.Service.class));
  }

  /** A copy with {@code n} parallel transfers (1..16). */
  public UploadOptions withTransfers(int n) {
    return toBuilder().transfers(n).build();
  }

  /** A copy sending {@code n} bytes per request (a positive multiple of 256 KiB). */
  public UploadOptions withChunkBytes(int n) {
    return toBuilder().chunkBytes(n).build();
  }

  /** A copy skipping what {@code s} says. */
  public UploadOptions withScan(ScanOptions s) {
    return toBuilder().scan(s).build();
  }

  /** A copy that only plans when {@code d}. */
  public UploadOptions withDryRun(boolean d) {
    return toBuilder().dryRun(d).build();
  }

  /** A copy retrying with {@code r}. */
  public UploadOptions withRetry(RetryPolicy r) {
    return toBuilder().retry(r).build();
  }

  /** A copy locking its work as {@code o}. */
  public UploadOptions withOwner(LockOwner o) {
    return toBuilder().owner(o).build();
  }

  /** A copy taking over locks whose heartbeat is older than {@code t} (positive). */
  public UploadOptions withLockTimeout(Duration t) {
    return toBuilder().lockTimeout(t).build();
  }

  /** A copy writing progress at least every {@code bytes} bytes or {@code interval}. */
  public UploadOptions withProgress(long bytes, Duration interval) {
    return toBuilder().progressBytes(bytes).progressInterval(interval).build();
  }

  /** A copy whose items out of retries wait {@code d} before a later run tries them. */
  public UploadOptions withRetryLater(Duration d) {
    return toBuilder().retryLater(d).build();
  }

  /** A copy that tries waiting items at once when {@code n}. */
  public UploadOptions withNow(boolean n) {
    return toBuilder().now(n).build();
  }

  /** A copy that stops when nothing has answered for {@code d}. */
  public UploadOptions withUnreachableAfter(Duration d) {
    return toBuilder().unreachableAfter(d).build();
  }

  /** A copy that writes capture dates into what it sends to Photos when {@code r}. */
  public UploadOptions withRestoreDates(boolean r) {
    return toBuilder().restoreDates(r).build();
  }

  /**
   * A copy backing up only to {@code chosen} (files of the other service are skipped).
   *
   * @throws IllegalArgumentException if {@code chosen} is empty
   */
  public UploadOptions withServices(java.util.Set<app.wauploader.domain.Service> chosen) {
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("choose Google Photos, Google Drive or both");
    }
    return toBuilder().services(java.util.EnumSet.copyOf(chosen)).build();
  }

  /** A copy hashing with {@code n} threads (1..16). */
  public UploadOptions withHashThreads(int n) {
    if (n < 1 || n > 16) {
      throw new IllegalArgumentException("hash threads must be 1..16, got " + n);
    }
    return toBuilder().hashThreads(n).build();
  }

  /** A copy sending at most {@code bytesPerSecond} (0: no cap). */
  public UploadOptions withBandwidthLimit(long bytesPerSecond) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("bandwidth must be >= 0, got " + bytesPerSecond);
    }
    return toBuilder().bwlimit(bytesPerSecond).build();
  }

  /** A copy backing up only the media of chat {@code chatId} (empty: every file listed). */
  public UploadOptions withChat(Optional<String> chatId) {
    return toBuilder().chat(chatId).build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy, to change some fields of an options record. */
  private static final class Builder {
    private int transfers;
    private int hashThreads;
    private int chunkBytes;
    private ScanOptions scan;
    private boolean dryRun;
    private RetryPolicy retry;
    private LockOwner owner;
    private Duration lockTimeout;
    private long progressBytes;
    private Duration progressInterval;
    private Duration retryLater;
    private boolean now;
    private Duration unreachableAfter;
    private Optional<String> chat;
    private boolean restoreDates;
    private long bwlimit;
    private java.util.Set<app.wauploader.domain.Service> services;

    Builder(UploadOptions o) {
      transfers = o.transfers;
      hashThreads = o.hashThreads;
      chunkBytes = o.chunkBytes;
      scan = o.scan;
      dryRun = o.dryRun;
      retry = o.retry;
      owner = o.owner;
      lockTimeout = o.lockTimeout;
      progressBytes = o.progressBytes;
      progressInterval = o.progressInterval;
      retryLater = o.retryLater;
      now = o.now;
      unreachableAfter = o.unreachableAfter;
      chat = o.chat;
      restoreDates = o.restoreDates;
      bwlimit = o.bwlimitBytesPerSecond;
      services = o.services;
    }

    Builder services(java.util.Set<app.wauploader.domain.Service> v) {
      services = v;
      return this;
    }

    Builder hashThreads(int v) {
      hashThreads = v;
      return this;
    }

    Builder bwlimit(long v) {
      bwlimit = v;
      return this;
    }

    Builder restoreDates(boolean v) {
      restoreDates = v;
      return this;
    }

    Builder chat(Optional<String> v) {
      chat = v;
      return this;
    }

    Builder transfers(int v) {
      transfers = v;
      return this;
    }

    Builder chunkBytes(int v) {
      chunkBytes = v;
      return this;
    }

    Builder scan(ScanOptions v) {
      scan = v;
      return this;
    }

    Builder dryRun(boolean v) {
      dryRun = v;
      return this;
    }

    Builder retry(RetryPolicy v) {
      retry = v;
      return this;
    }

    Builder owner(LockOwner v) {
      owner = v;
      return this;
    }

    Builder lockTimeout(Duration v) {
      lockTimeout = v;
      return this;
    }

    Builder progressBytes(long v) {
      progressBytes = v;
      return this;
    }

    Builder progressInterval(Duration v) {
      progressInterval = v;
      return this;
    }

    Builder retryLater(Duration v) {
      retryLater = v;
      return this;
    }

    Builder now(boolean v) {
      now = v;
      return this;
    }

    Builder unreachableAfter(Duration v) {
      unreachableAfter = v;
      return this;
    }

    UploadOptions build() {
      return new UploadOptions(
          transfers,
          hashThreads,
          chunkBytes,
          scan,
          dryRun,
          retry,
          owner,
          lockTimeout,
          progressBytes,
          progressInterval,
          retryLater,
          now,
          unreachableAfter,
          restoreDates,
          chat,
          bwlimit,
          java.util.Collections.unmodifiableSet(services));
    }
  }
}
