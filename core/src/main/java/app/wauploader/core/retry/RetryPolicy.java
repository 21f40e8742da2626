package app.wauploader.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy: exponential backoff with full jitter, capped, honouring the server's {@code
 * Retry-After}, for {@link app.wauploader.domain.FailureReason#isRetryable() retryable} failures
 * only.
 *
 * <p>Attempt {@code n} (1-based) that fails waits {@code min(cap, initial * 2^(n-1))} scaled by a
 * random factor in [0.5, 1.0], or the server's Retry-After if that is longer (but never more than
 * {@link #maxRetryAfter}); after {@code maxAttempts} attempts the last failure is thrown.
 *
 * @param maxAttempts total attempts including the first, ≥ 1
 * @param initialDelay backoff before the second attempt
 * @param maxDelay cap on one computed backoff
 * @param maxRetryAfter the longest Retry-After honoured in-process; longer waits are failures
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    Sleeper sleeper) {

  /** Defaults: 5 attempts, 2 s initial, 30 s cap, Retry-After honoured up to 5 minutes. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5), Sleeper.SYSTEM);
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    Objects.requireNonNull(initialDelay);
    Objects.requireNonNull(maxDelay);
    Objects.requireNonNull(maxRetryAfter);
    Objects.requireNonNull(sleeper);
  }

  /** The same policy with {@code attempts} attempts in all (≥ 1, the first included). */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, maxRetryAfter, sleeper);
  }

  /** The same policy waiting with {@code s} (e.g. a wait a stopping run cuts short). */
  public RetryPolicy withSleeper(Sleeper s) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, maxRetryAfter, s);
  }

  /**
   * The same policy waiting {@code initial} before the second attempt, never more than {@code max}.
   */
  public RetryPolicy withDelays(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, maxRetryAfter, sleeper);
  }

  /**
   * Runs {@code operation} until it succeeds, fails with a non-retryable class, or the attempts are
   * used up.
   *
   * @param listener told of each failed attempt that will be retried
   * @throws TargetException the last failure, its {@link TargetException#attempts() attempts}
   *     recorded
   * @throws InterruptedException if interrupted while backing off
   */
  public <T> T run(Operation<T> operation, RetryListener listener)
      throws TargetException, InterruptedException {
    return run(operation, listener, () -> false);
  }

  /**
   * As {@link #run(Operation, RetryListener)}, but gives up at once, with the last failure, when
   * {@code stopping} turns true (the run is stopping: no more waiting and retrying).
   */
  public <T> T run(
      Operation<T> operation, RetryListener listener, java.util.function.BooleanSupplier stopping)
      throws TargetException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.attempt(attempt);
      } catch (TargetException e) {
        if (!e.reason().isRetryable() || attempt >= maxAttempts || stopping.getAsBoolean()) {
          throw e.withAttempts(attempt);
        }
        Duration delay = delayBefore(attempt + 1, e);
        if (delay.compareTo(maxRetryAfter) > 0) {
          throw e.withAttempts(attempt);
        }
        listener.retrying(attempt, delay, e);
        sleeper.sleep(delay);
      }
    }
  }

  /** The wait before attempt {@code nextAttempt} (≥ 2) after failure {@code e}. */
  public Duration delayBefore(int nextAttempt, TargetException e) {
    long initial = initialDelay.toMillis();
    int shift = Math.min(nextAttempt - 2, 30);
    long exponential = Math.min(maxDelay.toMillis(), initial << shift);
    if (exponential < 0) {
      exponential = maxDelay.toMillis();
    }
    long jittered = (long) (exponential * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
    long serverAsked = e.retryAfter().map(Duration::toMillis).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, serverAsked));
  }

  /** One attempt of a retried operation. */
  @FunctionalInterface
  public interface Operation<T> {
    /**
     * @param attempt 1-based attempt number
     */
    T attempt(int attempt) throws TargetException, InterruptedException;
  }

  /** Observes retries (for progress display and error bookkeeping). */
  @FunctionalInterface
  public interface RetryListener {
    RetryListener NONE = (attempt, delay, failure) -> {};

    void retrying(int failedAttempt, Duration delay, TargetException failure);
  }

  /** Waits; replaced in tests by one that records and returns at once. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }
}
