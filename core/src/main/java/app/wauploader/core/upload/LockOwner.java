package app.wauploader.core.upload;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Who holds a lock on an upload session or item: {@code host:pid:nonce}. The nonce tells two runs
 * of one process apart. A lock whose owner ran on this host and whose process certainly no longer
 * exists is dead and may be taken over at once; any other lock only when its heartbeat is older
 * than the lock timeout. Whether a process exists is the front end's to say (the CLI asks the JVM's
 * process table; an Android app knows its own processes): core makes no platform calls for it.
 */
public final class LockOwner {
  /** Knows nothing of other processes: locks are taken over only when their heartbeat is stale. */
  public static final LongPredicate NO_PROCESS_TABLE = pid -> false;

  private final String host;
  private final long pid;
  private final String nonce;
  private final LongPredicate gone;

  private LockOwner(String host, long pid, String nonce, LongPredicate gone) {
    this.host = host;
    this.pid = pid;
    this.nonce = nonce;
    this.gone = gone;
  }

  /** A new owner for this run that knows nothing of other processes. */
  public static LockOwner create(String host, long pid) {
    return create(host, pid, NO_PROCESS_TABLE);
  }

  /**
   * A new owner for this run.
   *
   * @param gone true for the pid of a process of this host that certainly no longer exists
   */
  public static LockOwner create(String host, long pid, LongPredicate gone) {
    return new LockOwner(
        host.replace(':', '_'), pid, Integer.toHexString(new SecureRandom().nextInt()), gone);
  }

  /** Parses {@link #id()}; empty for text of another shape. */
  public static Optional<LockOwner> parse(String id) {
    String[] parts = id.split(":");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new LockOwner(parts[0], Long.parseLong(parts[1]), parts[2], NO_PROCESS_TABLE));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Host name of the owner. */
  public String host() {
    return host;
  }

  /** Process id of the owner. */
  public long pid() {
    return pid;
  }

  /** {@code host:pid:nonce}, as stored in {@code locked_by}. */
  public String id() {
    return host + ":" + pid + ":" + nonce;
  }

  /**
   * True if {@code other} certainly no longer runs: same host, and this owner's process table says
   * its pid is gone. False when unknown (another host, no process table).
   */
  public boolean seesDead(LockOwner other) {
    return other.host.equals(host) && other.pid != pid && gone.test(other.pid);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockOwner other && other.id().equals(id());
  }

  @Override
  public int hashCode() {
    return id().hashCode();
  }

  @Override
  public String toString() {
    return id();
  }
}
