package app.wauploader.emulator.store;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per upload session, so two requests for the same session (say, a retry arriving while
 * the broken first attempt is still being cleaned up) run one after the other. Thread-safe.
 */
public final class SessionLocks {

  /** Work done while holding a session's lock. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Runs {@code work} holding the lock of session {@code id}. */
  public <T> T with(String id, Work<T> work) throws IOException {
    ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
    lock.lock();
    try {
      return work.run();
    } finally {
      lock.unlock();
    }
  }
}
