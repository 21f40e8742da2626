package app.wauploader.core.retry;

import app.wauploader.core.auth.SignInRequiredException;
import app.wauploader.domain.FailureReason;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies every failure of a Google call once, into a {@link FailureReason}.
 *
 * <p>Sources: Drive errors and what to retry —
 * https://developers.google.com/workspace/drive/api/guides/handle-errors (5xx, 429, 403
 * rateLimitExceeded / userRateLimitExceeded are retried; storageQuotaExceeded is not); Photos quota
 * — https://developers.google.com/photos/library/guides/api-limits-quotas (a 429 whose message
 * names the per-day limit means the daily quota of 10,000 requests is used up).
 */
public final class Failures {
  private Failures() {}

  /**
   * Classifies an HTTP error answer.
   *
   * @param status HTTP status (≥ 400)
   * @param body the response body (Google error JSON, or anything), may be empty
   * @param retryAfterHeader the {@code Retry-After} header value, may be null
   * @param what what was being done, for the message (e.g. {@code "Drive upload"})
   */
  public static TargetException fromResponse(
      int status, String body, String retryAfterHeader, String what) {
    GoogleError error = GoogleError.parse(body);
    return fromError(
        status, error.message(), error.reason(), error.details(), retryAfterHeader, what);
  }

  /**
   * Classifies an HTTP error answer already parsed (e.g. by the Drive client library).
   *
   * @param googleMessage Google's error message, may be empty
   * @param reason Drive's {@code errors[0].reason} or Photos' {@code status}, may be empty
   */
  public static TargetException fromError(
      int status, String googleMessage, String reason, String retryAfterHeader, String what) {
    return fromError(status, googleMessage, reason, "", retryAfterHeader, what);
  }

  /**
   * As {@link #fromError(int, String, String, String, String)}, with the error's structured {@code
   * details} ({@code google.rpc.ErrorInfo} reason and metadata such as {@code quota_limit}, {@code
   * quota_metric}) as text; those are read first
   * (https://cloud.google.com/apis/design/errors#error_info).
   *
   * <p>Rules beyond Drive's reasons, each from a real answer (shared/design/GOOGLE-PROTOCOLS.md):
   * 403 {@code SERVICE_DISABLED} / {@code accessNotConfigured} / "has not been used in project … or
   * it is disabled" is an API not enabled; 403 "insufficient authentication scopes" ({@code
   * ACCESS_TOKEN_SCOPE_INSUFFICIENT}, {@code insufficientPermissions}) and 401 "Authentication
   * session is not defined" (Photos uploads) a permission not granted; 400 "The remaining storage
   * in the user's account is not enough…" is storage full (data-transfer-project #885,
   * gphotos-uploader-cli #248); 400 "Request must contain a valid upload token" a refused receipt
   * (gphotos-uploader-cli #132); 429 naming a per-day limit ("All requests per day",
   * "ApiCallsPerProjectPerDay", or such a {@code quota_limit}) the daily quota (rclone #3736,
   * photoframe #137).
   */
  public static TargetException fromError(
      int status,
      String googleMessage,
      String reason,
      String details,
      String retryAfterHeader,
      String what) {
    String detail = googleMessage.isEmpty() ? "HTTP " + status : oneLine(googleMessage);
    Optional<Duration> retryAfter = parseRetryAfter(retryAfterHeader);
    FailureReason failure;
    String message;
    String lowerMessage = googleMessage.toLowerCase(Locale.ROOT);
    String lowerDetails = details.toLowerCase(Locale.ROOT);
    if (status == 401 && lowerMessage.contains("authentication session is not defined")) {
      failure = FailureReason.SCOPE_MISSING;
      message = what + " was refused: the sign-in lacks a permission it needs (" + detail + ")";
    } else if (status == 403
        && (reason.equals("accessNotConfigured")
            || reason.equals("SERVICE_DISABLED")
            || lowerDetails.contains("service_disabled")
            || lowerMessage.contains("has not been used in project")
            || lowerMessage.contains("it is disabled"))) {
      failure = FailureReason.API_DISABLED;
      message = what + " was refused: the API is not enabled for this project (" + detail + ")";
    } else if (status == 403
        && (reason.equals("insufficientPermissions")
            || lowerDetails.contains("access_token_scope_insufficient")
            || lowerMessage.contains("insufficient authentication scopes"))) {
      failure = FailureReason.SCOPE_MISSING;
      message = what + " was refused: the sign-in lacks a permission it needs (" + detail + ")";
    } else if (status == 401) {
      failure = FailureReason.UNAUTHORIZED;
      message =
          what + " was refused: not signed in, or access expired or was revoked (" + detail + ")";
    } else if (reason.equals("storageQuotaExceeded")
        || (status == 400 && lowerMessage.contains("remaining storage"))) {
      failure = FailureReason.STORAGE_FULL;
      message = "Google storage is full (" + detail + ")";
    } else if (reason.equals("dailyLimitExceeded")
        || (status == 429 && perDay(lowerMessage + " " + lowerDetails))) {
      failure = FailureReason.DAILY_QUOTA;
      message = what + ": daily quota used up (" + detail + ")";
    } else if (status == 429
        || reason.equals("rateLimitExceeded")
        || reason.equals("userRateLimitExceeded")) {
      failure = FailureReason.RATE_LIMITED;
      message = what + " rate-limited by Google (" + detail + ")";
    } else if (status == 400 && lowerMessage.contains("valid upload token")) {
      failure = FailureReason.RECEIPT_EXPIRED;
      message = what + ": an upload token was refused (" + detail + ")";
    } else if (status == 408 || status >= 500) {
      failure = FailureReason.SERVER;
      message = what + " failed on Google's side (HTTP " + status + ": " + detail + ")";
    } else {
      failure = FailureReason.REJECTED;
      message = what + " rejected (HTTP " + status + ": " + detail + ")";
    }
    return new TargetException(failure, status, message, retryAfter, null);
  }

  /** True if a quota message or its details name a per-day limit. */
  private static boolean perDay(String lower) {
    return lower.contains("per day") || lower.contains("perday");
  }

  /**
   * Classifies an I/O failure with no HTTP answer: connection lost, timeout, reset; or a sign-in
   * that cannot be renewed ({@link SignInRequiredException} from the access-token provider).
   */
  public static TargetException fromIo(IOException e, String what) {
    if (e instanceof SignInRequiredException signIn) {
      return new TargetException(
          FailureReason.UNAUTHORIZED, 0, what + ": " + signIn.getMessage(), Optional.empty(), e);
    }
    String kind =
        e instanceof SocketTimeoutException || e instanceof InterruptedIOException
            ? "timed out"
            : "connection failed";
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    return new TargetException(
        FailureReason.NETWORK, 0, what + " " + kind + " (" + detail + ")", Optional.empty(), e);
  }

  /** Parses {@code Retry-After}: delay-seconds or an HTTP-date. Empty if absent or unparsable. */
  public static Optional<Duration> parseRetryAfter(String value) {
    if (value == null || value.trim().isEmpty()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /**
   * The useful parts of a Google error body: {@code {"error":{"code","message","status",
   * "errors":[{"reason"}]}}} (Drive puts the reason in {@code errors[0].reason}, Photos in {@code
   * status}).
   */
  record GoogleError(String message, String reason, String details) {
    GoogleError(String message, String reason) {
      this(message, reason, "");
    }

    static GoogleError parse(String body) {
      if (body == null || body.trim().isEmpty()) {
        return new GoogleError("", "");
      }
      try {
        JsonElement root = JsonParser.parseString(body);
        if (!root.isJsonObject() || !root.getAsJsonObject().has("error")) {
          return new GoogleError("", "");
        }
        JsonElement errorElement = root.getAsJsonObject().get("error");
        if (!errorElement.isJsonObject()) {
          return new GoogleError(errorElement.getAsString(), "");
        }
        JsonObject error = errorElement.getAsJsonObject();
        String message = error.has("message") ? error.get("message").getAsString() : "";
        String reason = "";
        if (error.has("errors") && error.getAsJsonArray("errors").size() > 0) {
          JsonObject first = error.getAsJsonArray("errors").get(0).getAsJsonObject();
          reason = first.has("reason") ? first.get("reason").getAsString() : "";
        }
        if (reason.isEmpty() && error.has("status")) {
          reason = error.get("status").getAsString();
        }
        StringBuilder details = new StringBuilder();
        if (error.has("details") && error.get("details").isJsonArray()) {
          for (JsonElement d : error.getAsJsonArray("details")) {
            if (d.isJsonObject()) {
              JsonObject info = d.getAsJsonObject();
              if (info.has("reason")) {
                details.append(info.get("reason").getAsString()).append(' ');
              }
              if (info.has("metadata")) {
                details.append(info.get("metadata").toString()).append(' ');
              }
            }
          }
        }
        return new GoogleError(oneLine(message), reason, details.toString().trim());
      } catch (RuntimeException notJson) {
        return new GoogleError("", "");
      }
    }
  }

  /** Collapses whitespace so a message fits on one line, at most 300 characters. */
  public static String oneLine(String text) {
    String collapsed = text.replaceAll("\\s+", " ").trim();
    return collapsed.length() > 300 ? collapsed.substring(0, 297) + "..." : collapsed;
  }
}
