package app.wauploader.core.retry;

import app.wauploader.domain.FailureReason;
import java.time.Duration;
import java.util.Optional;

/**
 * A classified failure of a call to a target service or of reading a source. The message is one
 * line a user can act on, names no command of any front end, and never contains credentials.
 */
public class TargetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureReason reason;
  private final int httpStatus;
  private final transient Optional<Duration> retryAfter;
  private int attempts = 1;

  /**
   * @param httpStatus the HTTP status, or 0 when no response was received
   * @param retryAfter the server's {@code Retry-After}, when given
   */
  public TargetException(
      FailureReason reason,
      int httpStatus,
      String message,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public TargetException(FailureReason reason, String message) {
    this(reason, 0, message, Optional.empty(), null);
  }

  /** Why it failed; {@link FailureReason#handling()} says what the run does about it. */
  public FailureReason reason() {
    return reason;
  }

  /** HTTP status of the answer, 0 if none (connection failure, local file). */
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
