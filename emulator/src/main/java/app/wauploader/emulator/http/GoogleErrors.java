package app.wauploader.emulator.http;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors Google really answers for failures a first real run can meet, with the wording and
 * shape seen in public reports. Each method names its sources; the emulator answers exactly these
 * (status, message, {@code errors[]}/{@code status}/{@code details}), so that the client's
 * classifier is tested against Google's words and not the emulator's.
 */
public final class GoogleErrors {
  /** The project number the emulator pretends to be (any digits do). */
  public static final String PROJECT_NUMBER = "123456789012";

  /** Drive's service name in Google's answers. */
  public static final String DRIVE_SERVICE = "drive.googleapis.com";

  /** The Photos Library API's service name in Google's answers. */
  public static final String PHOTOS_SERVICE = "photoslibrary.googleapis.com";

  /** Message of a whole-call 400 for an invalid, unknown, expired or used upload token. */
  public static final String INVALID_UPLOAD_TOKEN = "Request must contain a valid upload token.";

  /** Message of a whole-call 400 when the user's Google storage is full. */
  public static final String STORAGE_FULL =
      "The remaining storage in the user's account is not enough to perform this operation.";

  /** Message of a 403 for a token without a scope the method needs. */
  public static final String INSUFFICIENT_SCOPES =
      "Request had insufficient authentication scopes.";

  /** Message of the 401 {@code /v1/uploads} answers for a token without a Photos scope. */
  public static final String UPLOAD_SESSION_NOT_DEFINED = "Authentication session is not defined.";

  /** Per-item message for an item Photos cannot turn into a media item. */
  public static final String CREATE_FAILED =
      "Failed: There was an error while trying to create this media item.";

  /** Per-item message for bytes Photos cannot decode as the image they claim to be. */
  public static final String BAD_IMAGE =
      "BAD_IMAGE: There was an error while trying to create this media item.";

  /** Whole-call 400 message when an album would grow past its item limit. */
  public static final String ALBUM_FULL =
      "Request contains an invalid album id or the album is full.";

  private GoogleErrors() {}

  /**
   * batchCreate with an invalid, unknown, expired or already used upload token: the whole call
   * fails with 400 {@code INVALID_ARGUMENT} "Request must contain a valid upload token." and
   * nothing is created (https://github.com/gphotosuploader/gphotos-uploader-cli/issues/132,
   * https://github.com/gphotosuploader/gphotos-uploader-cli/issues/223,
   * https://github.com/ShareX/ShareX/issues/4956).
   */
  public static ApiError invalidUploadToken() {
    return ApiError.of(400, "badRequest", INVALID_UPLOAD_TOKEN);
  }

  /**
   * batchCreate into a full Google account: whole-call 400 {@code INVALID_ARGUMENT} "The remaining
   * storage in the user's account is not enough to perform this operation."
   * (https://github.com/dtinit/data-transfer-project/issues/885,
   * https://github.com/gphotosuploader/gphotos-uploader-cli/issues/248,
   * https://github.com/ylexus/jiotty-photos-uploader/issues/22).
   */
  public static ApiError storageFull() {
    return ApiError.of(400, "badRequest", STORAGE_FULL);
  }

  /**
   * An add that would take an album past its limit. "Each album can contain up to 20,000 media
   * items. Requests to add more items that would exceed this limit will fail."
   * (https://developers.google.com/photos/library/guides/manage-albums#adding-items-to-album). The
   * guide gives no wording and no public report quotes one; the emulator fails the whole call with
   * 400 {@code INVALID_ARGUMENT} (as Google does for every other invalid album in these calls) and
   * says why.
   *
   * @param capacity the album limit in items
   */
  public static ApiError albumFull(int capacity) {
    return ApiError.of(
        400,
        "badRequest",
        ALBUM_FULL + " An album can contain up to " + capacity + " media items.");
  }

  /**
   * A call to an API not enabled in the project: 403 {@code PERMISSION_DENIED} "&lt;API&gt; has not
   * been used in project N before or it is disabled. …", with a {@code google.rpc.ErrorInfo} of
   * reason {@code SERVICE_DISABLED} (https://github.com/hermanho/MMM-GooglePhotos/issues/204,
   * https://github.com/f2calv/CasCap.Api.GooglePhotos/issues/5); Drive also lists {@code
   * errors[{"domain":"usageLimits","reason":"accessNotConfigured"}]}
   * (https://developers.google.com/workspace/drive/api/guides/handle-errors).
   */
  public static ApiError serviceDisabled(Service service) {
    boolean drive = service == Service.DRIVE;
    String serviceName = drive ? DRIVE_SERVICE : PHOTOS_SERVICE;
    String title = drive ? "Google Drive API" : "Photos Library API";
    String activation =
        "https://console.developers.google.com/apis/api/"
            + serviceName
            + "/overview?project="
            + PROJECT_NUMBER;
    String message =
        title
            + " has not been used in project "
            + PROJECT_NUMBER
            + " before or it is disabled. Enable it by visiting "
            + activation
            + " then retry. If you enabled this API recently, wait a few minutes for the action to"
            + " propagate to our systems and retry.";
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("service", serviceName);
    metadata.put("serviceTitle", title);
    metadata.put("activationUrl", activation);
    metadata.put("consumer", "projects/" + PROJECT_NUMBER);
    metadata.put("containerInfo", PROJECT_NUMBER);
    return ApiError.of(403, "accessNotConfigured", message)
        .withDetail(ApiError.errorInfo("SERVICE_DISABLED", "googleapis.com", metadata));
  }

  /**
   * A token without a scope the method needs (the user may untick a scope on the consent screen):
   * 403 {@code PERMISSION_DENIED} "Request had insufficient authentication scopes." with a {@code
   * google.rpc.ErrorInfo} of reason {@code ACCESS_TOKEN_SCOPE_INSUFFICIENT}
   * (https://github.com/gphotosuploader/gphotos-uploader-cli/issues/523,
   * https://github.com/jaimetur/PhotoMigrator/issues/1241); Drive's legacy {@code errors[]} says
   * {@code insufficientPermissions}
   * (https://github.com/googleapis/google-auth-library-nodejs/issues/1111).
   */
  public static ApiError insufficientScopes(Service service, String method) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("method", method);
    metadata.put("service", service == Service.DRIVE ? DRIVE_SERVICE : PHOTOS_SERVICE);
    return ApiError.of(403, "insufficientPermissions", INSUFFICIENT_SCOPES)
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\"")
        .withDetail(
            ApiError.errorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", "googleapis.com", metadata));
  }

  /**
   * What {@code /v1/uploads} answers for a token without a Photos upload scope: 401 with a bare
   * {@code {"code":16,"message":"Authentication session is not defined."}} (no {@code error}
   * envelope) and {@code Content-Type: text/html}
   * (https://github.com/f2calv/CasCap.Api.GooglePhotos/issues/200,
   * https://github.com/ShareX/ShareX/issues/6432).
   */
  public static ApiError uploadSessionNotDefined() {
    JsonObject body = new JsonObject();
    body.addProperty("code", 16);
    body.addProperty("message", UPLOAD_SESSION_NOT_DEFINED);
    Reply reply =
        Reply.text(401, "text/html; charset=UTF-8", Json.GSON.toJson(body))
            .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
    return ApiError.raw(reply, UPLOAD_SESSION_NOT_DEFINED);
  }

  /** The two daily-quota message forms Google has been seen to send. */
  public enum DailyQuotaForm {
    /**
     * "Quota exceeded for quota metric 'All requests' and limit 'All requests per day' …"
     * (https://github.com/ylexus/jiotty-photos-uploader/issues/12,
     * https://github.com/ShareX/ShareX/issues/5128).
     */
    ALL_REQUESTS_PER_DAY(
        "allRequestsPerDay", "All requests", "All requests per day", "AllRequestsPerDay"),
    /**
     * "… limit 'ApiCallsPerProjectPerDay' …" (photoframe #137, as quoted in
     * ../shared/design/GOOGLE-PROTOCOLS.md).
     */
    API_CALLS_PER_PROJECT_PER_DAY(
        "apiCallsPerProjectPerDay",
        "photoslibrary.googleapis.com/api_calls",
        "ApiCallsPerProjectPerDay",
        "ApiCallsPerProjectPerDay");

    private final String wireName;
    private final String metric;
    private final String limit;
    private final String limitId;

    DailyQuotaForm(String wireName, String metric, String limit, String limitId) {
      this.wireName = wireName;
      this.metric = metric;
      this.limit = limit;
      this.limitId = limitId;
    }

    /** The name used in fault rules ({@code "form"}). */
    public String wireName() {
      return wireName;
    }

    /** The form with this wire name, if any. */
    public static java.util.Optional<DailyQuotaForm> byWireName(String name) {
      return java.util.Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
  }

  /**
   * The Photos daily quota is used up: 429 {@code RESOURCE_EXHAUSTED} "Quota exceeded for quota
   * metric '…' and limit '…' of service 'photoslibrary.googleapis.com' for consumer
   * 'project_number:N'.", with a {@code google.rpc.ErrorInfo} of reason {@code RATE_LIMIT_EXCEEDED}
   * and metadata {@code quota_limit}, {@code quota_metric}, {@code quota_location}, {@code
   * consumer}, {@code service} (https://developers.google.com/photos/overview/api-limits-quotas,
   * https://github.com/ylexus/jiotty-photos-uploader/issues/12,
   * https://cloud.google.com/apis/design/errors#error_info).
   */
  public static ApiError dailyQuota(DailyQuotaForm form) {
    String message =
        "Quota exceeded for quota metric '"
            + form.metric
            + "' and limit '"
            + form.limit
            + "' of service '"
            + PHOTOS_SERVICE
            + "' for consumer 'project_number:"
            + PROJECT_NUMBER
            + "'.";
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("quota_limit", form.limitId);
    metadata.put("quota_metric", form.metric);
    metadata.put("quota_location", "global");
    metadata.put("consumer", "projects/" + PROJECT_NUMBER);
    metadata.put("service", PHOTOS_SERVICE);
    return ApiError.of(429, "rateLimitExceeded", message)
        .withDetail(ApiError.errorInfo("RATE_LIMIT_EXCEEDED", "googleapis.com", metadata));
  }
}
