package app.wauploader.domain;

import java.util.Locale;

/**
 * Why one operation failed, as stored in {@code upload_errors.error_type}: the cause in the field's
 * words, from which the handling class follows. Front ends turn a reason into their own advice (a
 * command to run, a notification); core's messages name no command.
 */
public enum FailureReason {
  /** No HTTP answer: connection refused or reset, DNS, read timeout (a stall). */
  NETWORK(Handling.RETRY),
  /** Google answered 408 or 5xx, or an answer we could not read. */
  SERVER(Handling.RETRY),
  /** 429 or Drive 403 rateLimitExceeded / userRateLimitExceeded: slow down and retry. */
  RATE_LIMITED(Handling.RETRY_SLOWER),
  /** A daily quota is used up (Photos 10,000 requests/day, Drive dailyLimitExceeded). */
  DAILY_QUOTA(Handling.PAUSE_SERVICE),
  /** Not signed in, access expired or revoked, refresh refused (invalid_grant). */
  UNAUTHORIZED(Handling.STOP_RUN),
  /** The Google account's storage is full. */
  STORAGE_FULL(Handling.STOP_RUN),
  /**
   * The Google API is not enabled for the OAuth client's project (403 {@code SERVICE_DISABLED},
   * Drive {@code accessNotConfigured}): a set-up mistake, nothing can succeed until it is fixed.
   */
  API_DISABLED(Handling.STOP_RUN),
  /**
   * The sign-in lacks a permission this call needs: the user unticked it on Google's consent screen
   * (403 "insufficient authentication scopes", or 401 "Authentication session is not defined" from
   * Photos uploads).
   */
  SCOPE_MISSING(Handling.STOP_RUN),
  /** Google refused this item (other 4xx, unsupported or corrupt media). */
  REJECTED(Handling.SKIP_ITEM),
  /** The bytes Google holds do not hash to the file's SHA-256. */
  CHECKSUM_MISMATCH(Handling.SKIP_ITEM),
  /** The local file (or archive entry) cannot be read: permission, I/O error, unreadable name. */
  SOURCE_UNREADABLE(Handling.SKIP_ITEM),
  /** The local file vanished before it was sent. */
  SOURCE_MISSING(Handling.SKIP_ITEM),
  /** The local file changed while it was being sent: it is hashed and planned again. */
  SOURCE_CHANGED(Handling.SKIP_ITEM),
  /** The receipt of a finished transfer (Photos upload token) is no longer accepted. */
  RECEIPT_EXPIRED(Handling.SKIP_ITEM),
  /** A bug or an unexpected state in wa-uploader itself. */
  INTERNAL(Handling.STOP_RUN);

  /** What the pipeline does about a failure. */
  public enum Handling {
    /** Retry with backoff and jitter, honouring Retry-After. */
    RETRY,
    /** As {@link #RETRY}, and the whole run lowers its parallel transfers. */
    RETRY_SLOWER,
    /** Send nothing more to that service until its quota resets; the other goes on. */
    PAUSE_SERVICE,
    /** This item cannot succeed now: record it and go on with the others. */
    SKIP_ITEM,
    /** The run cannot go on: stop cleanly, keeping everything done so far. */
    STOP_RUN
  }

  private final Handling handling;

  FailureReason(Handling handling) {
    this.handling = handling;
  }

  /** How the pipeline handles this reason. */
  public Handling handling() {
    return handling;
  }

  /** True when another attempt of the same operation may succeed soon. */
  public boolean isRetryable() {
    return handling == Handling.RETRY || handling == Handling.RETRY_SLOWER;
  }

  /** The value stored in {@code upload_errors.error_type}: {@code daily_quota}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}; unknown ids (rows of a newer build) read as {@link #INTERNAL}. */
  public static FailureReason fromId(String id) {
    try {
      return valueOf(id.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return INTERNAL;
    }
  }
}
