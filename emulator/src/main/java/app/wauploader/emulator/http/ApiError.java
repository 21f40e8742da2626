package app.wauploader.emulator.http;

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

  private ApiError(int status, String reason, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.headers = Map.copyOf(headers);
  }

  /**
   * @param status HTTP status, 400..599
   * @param reason Drive error reason or OAuth error code; null picks a default from the status
   * @param message one-line, human readable
   */
  public static ApiError of(int status, String reason, String message) {
    return new ApiError(status, reason, message, Map.of());
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
    return new ApiError(status, reason, getMessage(), copy);
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
