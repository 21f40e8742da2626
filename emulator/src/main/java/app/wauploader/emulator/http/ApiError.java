package app.wauploader.emulator.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request the emulator rejects, rendered by {@link ErrorReplies} in the error shape of the
 * route's service. Thrown from route handlers; carries the HTTP status, an optional machine reason
 * (Drive {@code errors[0].reason}, or the OAuth {@code error} code) and a one-line message.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;
  private final Map<String, String> headers;
  private final JsonArray details;
  private final Reply rawReply;

  private ApiError(
      int status,
      String reason,
      String message,
      Map<String, String> headers,
      JsonArray details,
      Reply rawReply) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.headers = Map.copyOf(headers);
    this.details = details == null ? new JsonArray() : details.deepCopy();
    this.rawReply = rawReply;
  }

  /**
   * @param status HTTP status, 400..599
   * @param reason Drive error reason or OAuth error code; null picks a default from the status
   * @param message one-line, human readable
   */
  public static ApiError of(int status, String reason, String message) {
    return new ApiError(status, reason, message, Map.of(), null, null);
  }

  /**
   * An error answered with exactly {@code reply} instead of the service's error shape: for the few
   * answers Google gives outside its JSON error envelope (e.g. Photos {@code /v1/uploads}' bare
   * {@code {"code":16,"message":…}}).
   */
  public static ApiError raw(Reply reply, String message) {
    return new ApiError(reply.status(), null, message, Map.of(), null, reply);
  }

  /** 400 with Drive reason {@code invalid}. */
  public static ApiError badRequest(String message) {
    return of(400, "invalid", message);
  }

  /** 404 with Drive reason {@code notFound}. */
  public static ApiError notFound(String message) {
    return of(404, "notFound", message);
  }

  /** A copy that also sends this response header. */
  public ApiError withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiError(status, reason, getMessage(), copy, details, rawReply);
  }

  /**
   * A copy that also carries {@code detail} in {@code error.details[]} (a {@code google.rpc}
   * message with its {@code @type}, e.g. {@code google.rpc.ErrorInfo}).
   */
  public ApiError withDetail(JsonObject detail) {
    JsonArray copy = details.deepCopy();
    copy.add(detail);
    return new ApiError(status, reason, getMessage(), headers, copy, rawReply);
  }

  /**
   * A {@code google.rpc.ErrorInfo} detail (https://cloud.google.com/apis/design/errors#error_info).
   *
   * @param metadata key/value pairs; may be empty
   */
  public static JsonObject errorInfo(String reason, String domain, Map<String, String> metadata) {
    JsonObject info = new JsonObject();
    info.addProperty("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    info.addProperty("reason", reason);
    info.addProperty("domain", domain);
    JsonObject meta = new JsonObject();
    metadata.forEach(meta::addProperty);
    info.add("metadata", meta);
    return info;
  }

  /** The {@code error.details[]} entries (a copy; empty for most errors). */
  public JsonArray details() {
    return details.deepCopy();
  }

  /** The reply to send as is, when the error is not in the service's error shape. */
  public Optional<Reply> rawReply() {
    return Optional.ofNullable(rawReply);
  }

  public int status() {
    return status;
  }

  /** The explicit reason, if one was given. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Extra response headers (e.g. {@code Retry-After}, {@code X-Goog-Upload-Status}). */
  public Map<String, String> headers() {
    return headers;
  }
}
