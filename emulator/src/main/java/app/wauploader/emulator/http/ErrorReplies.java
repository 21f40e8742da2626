package app.wauploader.emulator.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Renders an {@link ApiError} in the error body shape of each service.
 *
 * <ul>
 *   <li>Drive: {@code {"error":{"code","message","errors":[{"domain","reason","message"}]}}},
 *       https://developers.google.com/workspace/drive/api/guides/handle-errors
 *   <li>Photos: {@code {"error":{"code","message","status"}}} with the canonical status name,
 *       https://developers.google.com/photos/library/guides/api-limits-quotas and
 *       https://cloud.google.com/apis/design/errors#handling_errors
 *   <li>OAuth: {@code {"error","error_description"}}, https://developers.google.com/identity/
 *       protocols/oauth2/native-app#exchange-authorization-code
 * </ul>
 *
 * All JSON errors use {@code Content-Type: application/json; charset=UTF-8}: Google's Java clients
 * only parse error bodies of that type.
 */
public final class ErrorReplies {
  private static final Set<String> USAGE_LIMIT_REASONS =
      Set.of(
          "ratelimitexceeded",
          "userratelimitexceeded",
          "dailylimitexceeded",
          "quotaexceeded",
          "storagequotaexceeded",
          "sharingratelimitexceeded",
          "userratelimitexceededunreg",
          "accessnotconfigured");

  private ErrorReplies() {}

  /** The reply for {@code error} in the shape of {@code service}, with the error's headers. */
  public static Reply render(Service service, ApiError error) {
    if (error.rawReply().isPresent()) {
      Reply raw = error.rawReply().get();
      for (var header : error.headers().entrySet()) {
        raw = raw.withHeader(header.getKey(), header.getValue());
      }
      return raw;
    }
    Reply reply =
        switch (service) {
          case DRIVE -> Reply.json(error.status(), driveBody(error));
          case PHOTOS -> Reply.json(error.status(), photosBody(error));
          case OAUTH -> Reply.json(error.status(), oauthBody(error));
          case EMULATOR -> Reply.json(error.status(), emulatorBody(error));
        };
    for (var header : error.headers().entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    return reply;
  }

  private static JsonObject driveBody(ApiError error) {
    String reason = error.reason().orElse(defaultDriveReason(error.status()));
    JsonObject detail = new JsonObject();
    detail.addProperty("domain", driveDomain(reason));
    detail.addProperty("reason", reason);
    detail.addProperty("message", error.getMessage());
    JsonArray errors = new JsonArray();
    errors.add(detail);
    JsonObject inner = new JsonObject();
    inner.addProperty("code", error.status());
    inner.addProperty("message", error.getMessage());
    inner.add("errors", errors);
    if (!error.details().isEmpty()) {
      // Drive's newer answers (e.g. SERVICE_DISABLED, insufficient scopes) carry the canonical
      // status and google.rpc details next to the legacy errors[] list.
      inner.addProperty("status", canonicalStatus(error.status()));
      inner.add("details", error.details());
    }
    JsonObject body = new JsonObject();
    body.add("error", inner);
    return body;
  }

  private static JsonObject photosBody(ApiError error) {
    JsonObject body = photosBody(error.status(), error.getMessage());
    if (!error.details().isEmpty()) {
      body.getAsJsonObject("error").add("details", error.details());
    }
    return body;
  }

  /** {@code usageLimits} for rate and quota reasons, else {@code global}, as Drive reports them. */
  public static String driveDomain(String reason) {
    return USAGE_LIMIT_REASONS.contains(reason.toLowerCase(Locale.ROOT)) ? "usageLimits" : "global";
  }

  private static String defaultDriveReason(int status) {
    return switch (status) {
      case 400 -> "badRequest";
      case 401 -> "authError";
      case 403 -> "forbidden";
      case 404 -> "notFound";
      case 409 -> "conflict";
      case 413 -> "uploadTooLarge";
      case 429 -> "rateLimitExceeded";
      case 503 -> "backendError";
      default -> status >= 500 ? "backendError" : "invalid";
    };
  }

  /** The Photos (Google API) error body for an HTTP status and message. */
  public static JsonObject photosBody(int status, String message) {
    JsonObject inner = new JsonObject();
    inner.addProperty("code", status);
    inner.addProperty("message", message);
    inner.addProperty("status", canonicalStatus(status));
    JsonObject body = new JsonObject();
    body.add("error", inner);
    return body;
  }

  private static JsonObject oauthBody(ApiError error) {
    JsonObject body = new JsonObject();
    body.addProperty(
        "error", error.reason().orElse(error.status() >= 500 ? "server_error" : "invalid_request"));
    body.addProperty("error_description", error.getMessage());
    return body;
  }

  private static JsonObject emulatorBody(ApiError error) {
    JsonObject inner = new JsonObject();
    inner.addProperty("code", error.status());
    inner.addProperty("message", error.getMessage());
    JsonObject body = new JsonObject();
    body.add("error", inner);
    return body;
  }

  /**
   * The canonical status name Google APIs pair with an HTTP status
   * (https://cloud.google.com/apis/design/errors#handling_errors).
   */
  public static String canonicalStatus(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 499 -> "CANCELLED";
      case 500 -> "INTERNAL";
      case 501 -> "UNIMPLEMENTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> httpStatus >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    };
  }

  /**
   * The numeric google.rpc.Code for an HTTP status, as used in per-item {@code status.code} of
   * Photos batch answers (https://cloud.google.com/apis/design/errors#handling_errors).
   */
  public static int rpcCode(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> 3;
      case 401 -> 16;
      case 403 -> 7;
      case 404 -> 5;
      case 409 -> 10;
      case 429 -> 8;
      case 499 -> 1;
      case 501 -> 12;
      case 503 -> 14;
      case 504 -> 4;
      default -> httpStatus >= 500 ? 13 : 9;
    };
  }
}
