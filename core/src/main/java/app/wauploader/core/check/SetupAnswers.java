package app.wauploader.core.check;

import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.FailureReason;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Optional;

/**
 * Google's answers that mean the set-up is wrong, told apart from passing failures. Sources (public
 * reports of Google's real answers; the docs show only the shapes):
 *
 * <ul>
 *   <li><b>API not enabled</b> in the OAuth client's project: {@code 403}, {@code
 *       "status":"PERMISSION_DENIED"}, a {@code google.rpc.ErrorInfo} detail with {@code
 *       "reason":"SERVICE_DISABLED"} (and {@code metadata.activationUrl}); older APIs such as Drive
 *       v3 put {@code "reason":"accessNotConfigured"} in {@code errors[]}; the message is "… API
 *       has not been used in project N before or it is disabled. Enable it by visiting …" (Photos:
 *       nextcloud/integration_google#5; Drive-style {@code accessNotConfigured}:
 *       taylorwilsdon/google_workspace_mcp#126, googleapis/google-api-python-client#920; ErrorInfo
 *       {@code SERVICE_DISABLED}: google-gemini/gemini-cli#1343; error model:
 *       https://cloud.google.com/apis/design/errors#error_info).
 *   <li><b>A scope not granted</b> (the user unticked a box on the consent screen): {@code 403}
 *       "Request had insufficient authentication scopes." with {@code PERMISSION_DENIED}
 *       (jaimetur/PhotoMigrator#1241 on batchCreate, gphotosuploader/gphotos-uploader-cli#523 on
 *       albums.create); Drive says {@code insufficientPermissions} / "Insufficient Permission"
 *       (https://developers.google.com/workspace/drive/api/guides/handle-errors); Photos {@code
 *       /v1/uploads} has also answered {@code 401} {@code {"code":16,"message":"Authentication
 *       session is not defined."}} for a token without {@code photoslibrary.appendonly}
 *       (f2calv/CasCap.Api.GooglePhotos#200).
 *   <li>Any other {@code 401}: the sign-in is not accepted (revoked, expired).
 * </ul>
 */
public final class SetupAnswers {
  private SetupAnswers() {}

  /**
   * The set-up problem an HTTP error answer shows.
   *
   * @param status HTTP status (≥ 400)
   * @param body the response body, may be empty or not JSON
   */
  public static SetupProblem classify(int status, String body) {
    Parsed error = Parsed.of(body);
    return classify(status, error.message(), error.reasons());
  }

  /** The set-up problem a classified target failure shows (its message carries Google's). */
  public static SetupProblem classify(TargetException e) {
    if (e.reason() == FailureReason.NETWORK || e.reason() == FailureReason.SERVER) {
      return SetupProblem.UNREACHABLE;
    }
    if (e.reason() == FailureReason.STORAGE_FULL) {
      return SetupProblem.STORAGE_FULL;
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.httpStatus() == 0) {
      return e.reason() == FailureReason.UNAUTHORIZED ? SetupProblem.SIGN_IN : SetupProblem.REFUSED;
    }
    return classify(e.httpStatus(), message, message);
  }

  private static SetupProblem classify(int status, String message, String reasons) {
    String text = (message + " " + reasons).toLowerCase(Locale.ROOT);
    if (text.contains("service_disabled")
        || text.contains("accessnotconfigured")
        || text.contains("has not been used in project")
        || text.contains("it is disabled")) {
      return SetupProblem.API_DISABLED;
    }
    if (text.contains("insufficient authentication scopes")
        || text.contains("insufficientpermissions")
        || text.contains("insufficient permission")
        || text.contains("access_token_scope_insufficient")
        || text.contains("authentication session is not defined")) {
      return SetupProblem.MISSING_SCOPES;
    }
    if (status == 401) {
      return SetupProblem.SIGN_IN;
    }
    if (text.contains("storagequotaexceeded")) {
      return SetupProblem.STORAGE_FULL;
    }
    if (status == 408 || status == 429 || status >= 500) {
      return SetupProblem.UNREACHABLE;
    }
    return SetupProblem.REFUSED;
  }

  /** Google's message of an error body, one line; empty if there is none. */
  public static String message(String body) {
    return Parsed.of(body).message();
  }

  /** The message and every reason of a Google error body. */
  private record Parsed(String message, String reasons) {
    static Parsed of(String body) {
      if (body == null || body.trim().isEmpty()) {
        return new Parsed("", "");
      }
      try {
        JsonElement root = JsonParser.parseString(body);
        if (!root.isJsonObject() || !root.getAsJsonObject().has("error")) {
          return new Parsed("", "");
        }
        JsonElement errorElement = root.getAsJsonObject().get("error");
        if (!errorElement.isJsonObject()) {
          return new Parsed(errorElement.getAsString(), "");
        }
        JsonObject error = errorElement.getAsJsonObject();
        String message = text(error, "message");
        StringBuilder reasons = new StringBuilder(text(error, "status"));
        for (String list : new String[] {"errors", "details"}) {
          if (error.has(list) && error.get(list).isJsonArray()) {
            JsonArray array = error.getAsJsonArray(list);
            for (JsonElement e : array) {
              if (e.isJsonObject()) {
                reasons.append(' ').append(text(e.getAsJsonObject(), "reason"));
              }
            }
          }
        }
        return new Parsed(message.replaceAll("\\s+", " ").trim(), reasons.toString().trim());
      } catch (RuntimeException notJson) {
        return new Parsed("", "");
      }
    }

    private static String text(JsonObject object, String name) {
      JsonElement e = object.get(name);
      return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
    }
  }

  /** Where the API's "Enable" button is, for the services a backup uses. */
  public static Optional<String> libraryUrl(app.wauploader.domain.Service service) {
    return switch (service) {
      case PHOTOS ->
          Optional.of("https://console.cloud.google.com/apis/library/photoslibrary.googleapis.com");
      case DRIVE ->
          Optional.of("https://console.cloud.google.com/apis/library/drive.googleapis.com");
    };
  }
}
