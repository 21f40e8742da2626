package app.wauploader.core.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Who holds a lock on an upload session or item: {@code host:pid:nonce}. The nonce tells two runs
 * of one process apart. A lock whose owner ran on this host and whose process no longer exists
 * ({@code /proc/<pid>} gone, Linux and Android) is dead and may be taken over at once; any other
 * lock only when its heartbeat is older than the lock timeout.
 *
 * @param host host name of the owner
 * @param pid process id of the owner
 */
public record LockOwner(String host, long pid, String nonce) {
  /** A new owner for this run; the CLI passes its host name and pid. */
  public static LockOwner create(String host, long pid) {
    return new LockOwner(
        host.replace(':', '_'), pid, Integer.toHexString(new SecureRandom().nextInt()));
  }

  /** Parses {@link #id()}; empty for text of another shape. */
  public static Optional<LockOwner> parse(String id) {
    String[] parts = id.split(":");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new LockOwner(parts[0], Long.parseLong(parts[1]), parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code host:pid:nonce}, as stored in {@code locked_by}. */
  public String id() {
    return host + ":" + pid + ":" + nonce;
  }

  /**
   * True if {@code other} certainly no longer runs: same host, and no process {@code pid} exists.
   * False when unknown (another host, no {@code /proc}).
   */
  public boolean seesDead(LockOwner other) {
    Path proc = Paths.get("/proc");
    return other.host.equals(host)
        && Files.isDirectory(proc.resolve("self"))
        && !Files.exists(proc.resolve(Long.toString(other.pid)));
  }

  @Override
  public String toString() {
    return id();
  }
}
