package app.wauploader.core.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * A classified failure of a call to a target service. The message is one line a user can act on and
 * never contains credentials.
 */
public class TargetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureClass failureClass;
  private final int httpStatus;
  private final transient Optional<Duration> retryAfter;
  private int attempts = 1;

  /**
   * @param httpStatus the HTTP status, or 0 when no response was received
   * @param retryAfter the server's {@code Retry-After}, when given
   */
  public TargetException(
      FailureClass failureClass,
      int httpStatus,
      String message,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(message, cause);
    this.failureClass = failureClass;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public TargetException(FailureClass failureClass, String message) {
    this(failureClass, 0, message, Optional.empty(), null);
  }

  /** How the run handles this failure (retry, slow down, pause, skip or stop). */
  public FailureClass failureClass() {
    return failureClass;
  }

  /** HTTP status of the answer, 0 if none (connection failure). */
  public int httpStatus() {
    return httpStatus;
  }

  /** How many attempts were made before this failure was given up on (≥ 1). */
  public int attempts() {
    return attempts;
  }

  /** Records the attempts made; returns this. */
  public TargetException withAttempts(int attemptsMade) {
    this.attempts = Math.max(1, attemptsMade);
    return this;
  }

  /** The delay the server asked for, if any. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
