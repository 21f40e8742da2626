package app.wauploader.core.retry;

/** How a failure is handled; every failure is classified once, by {@link Failures#classify}. */
public enum FailureClass {
  /** 5xx, connection reset, timeout: retry with backoff and jitter, honouring Retry-After. */
  TRANSIENT,
  /** 429, Drive 403 rateLimitExceeded/userRateLimitExceeded: back off, slow the run down. */
  RATE_LIMITED,
  /** A daily quota is used up: stop sending to that service until it resets. */
  QUOTA_EXHAUSTED,
  /** This item cannot succeed (other 4xx, unsupported, checksum mismatch): record and skip. */
  PERMANENT,
  /** The run cannot go on (auth revoked, storage full): stop cleanly. */
  FATAL;

  /** True for classes worth another attempt of the same operation. */
  public boolean isRetryable() {
    return this == TRANSIENT || this == RATE_LIMITED;
  }
}
