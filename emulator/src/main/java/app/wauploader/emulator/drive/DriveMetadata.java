package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.store.DriveFileDraft;
import app.wauploader.emulator.store.EmulatorState;
import app.wauploader.emulator.store.StoredDriveFile;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the writable File fields clients send: {@code name}, {@code mimeType}, {@code
 * parents}, {@code appProperties}, {@code description}, {@code createdTime} (create only), {@code
 * modifiedTime}, {@code trashed}, {@code shortcutDetails.targetId}. Limits from
 * https://developers.google.com/workspace/drive/api/guides/properties (at most 30 app properties
 * per file, key plus value at most 124 bytes) and
 * https://developers.google.com/workspace/drive/api/guides/folder (one parent per file).
 *
 * <p>Shortcuts (https://developers.google.com/drive/api/guides/shortcuts): {@code mimeType} {@code
 * application/vnd.google-apps.shortcut} with {@code shortcutDetails.targetId}. The File reference
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File) says {@code
 * shortcutDetails} is "only populated for shortcut files" and {@code targetId} "can only be set on
 * files.create requests"; {@code targetMimeType} and {@code targetResourceKey} are output only. So,
 * following the error reasons of
 * https://developers.google.com/workspace/drive/api/guides/handle-errors: a shortcut without a
 * {@code targetId}, or {@code shortcutDetails} on a file of another type, is 400 {@code badRequest}
 * ("a required field … hasn't been provided", "a combination of provided fields is invalid"); an
 * output-only field in the body is 403 {@code fieldNotWritable} "The resource body includes fields
 * which are not directly writable." (the answer Drive gives for such bodies, e.g.
 * https://qiita.com/iery/items/36b77e59e460a7594111).
 */
final class DriveMetadata {
  static final int MAX_APP_PROPERTIES = 30;
  static final int MAX_PROPERTY_BYTES = 124;

  private DriveMetadata() {}

  /**
   * A draft from a create or initiation body; parents are resolved later with {@link
   * #resolveParents}.
   *
   * @param defaultMimeType used when the body has no {@code mimeType}
   */
  static DriveFileDraft draft(JsonObject body, String defaultMimeType) {
    String name = Json.string(body, "name").orElse("Untitled");
    String mimeType = Json.string(body, "mimeType").orElse(defaultMimeType);
    List<String> parents = Json.strings(body, "parents");
    Map<String, String> appProperties = appProperties(body, Map.of());
    String description = Json.string(body, "description").orElse(null);
    Instant modifiedTime =
        Json.string(body, "modifiedTime").map(t -> Rfc3339.parse(t, "modifiedTime")).orElse(null);
    // createdTime is writable on create ("The time at which the file was created", writable per
    // https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File).
    Instant createdTime =
        Json.string(body, "createdTime").map(t -> Rfc3339.parse(t, "createdTime")).orElse(null);
    String shortcutTargetId = shortcutTargetId(body, mimeType);
    return new DriveFileDraft(
        name,
        mimeType,
        parents,
        appProperties,
        description,
        modifiedTime,
        shortcutTargetId,
        createdTime);
  }

  /**
   * The {@code shortcutDetails.targetId} of a create body, checked against its {@code mimeType}.
   *
   * @return the target id for a shortcut, null for any other file
   * @throws ApiError 400 {@code badRequest} for a shortcut without a target or details on another
   *     type, 403 {@code fieldNotWritable} for output-only details
   */
  private static String shortcutTargetId(JsonObject body, String mimeType) {
    boolean shortcut = StoredDriveFile.SHORTCUT_MIME_TYPE.equals(mimeType);
    JsonElement details = body.get("shortcutDetails");
    if (details == null || details.isJsonNull()) {
      if (shortcut) {
        throw missingTarget();
      }
      return null;
    }
    if (!details.isJsonObject()) {
      throw ApiError.of(
          400, "badRequest", "Invalid value for shortcutDetails: expected an object.");
    }
    if (!shortcut) {
      throw ApiError.of(
          400,
          "badRequest",
          "shortcutDetails can only be set on files with mimeType "
              + StoredDriveFile.SHORTCUT_MIME_TYPE
              + ".");
    }
    JsonObject given = details.getAsJsonObject();
    if (given.has("targetMimeType") || given.has("targetResourceKey")) {
      throw notWritable();
    }
    String targetId = Json.string(given, "targetId").orElse("");
    if (targetId.isBlank()) {
      throw missingTarget();
    }
    return targetId;
  }

  private static ApiError missingTarget() {
    return ApiError.of(
        400, "badRequest", "A shortcut must have shortcutDetails.targetId: the file it links to.");
  }

  /** 403 {@code fieldNotWritable}, Drive's answer to a body with fields the caller may not set. */
  static ApiError notWritable() {
    return ApiError.of(
        403,
        "fieldNotWritable",
        "The resource body includes fields which are not directly writable.");
  }

  /**
   * Rejects a shortcut on the upload routes: a shortcut has no content, and the shortcuts guide
   * creates one with a metadata-only files.create
   * (https://developers.google.com/drive/api/guides/shortcuts). Google's answer to an upload is not
   * documented; the emulator picks the stricter 400 {@code badRequest}.
   */
  static void rejectShortcutUpload(JsonObject body, String contentType) {
    JsonElement details = body.get("shortcutDetails");
    if (StoredDriveFile.SHORTCUT_MIME_TYPE.equals(Json.string(body, "mimeType").orElse(null))
        || StoredDriveFile.SHORTCUT_MIME_TYPE.equals(contentType)
        || (details != null && !details.isJsonNull())) {
      throw ApiError.of(
          400,
          "badRequest",
          "A shortcut has no content: create it with files.create without media"
              + " (POST /drive/v3/files).");
    }
  }

  /**
   * {@code current} updated by the body's {@code appProperties}: a string sets a key, JSON null
   * removes it.
   */
  static Map<String, String> appProperties(JsonObject body, Map<String, String> current) {
    Map<String, String> result = new LinkedHashMap<>(current);
    JsonObject given = Json.object(body, "appProperties").orElse(null);
    if (given == null) {
      return result;
    }
    for (Map.Entry<String, JsonElement> entry : given.entrySet()) {
      if (entry.getValue().isJsonNull()) {
        result.remove(entry.getKey());
      } else if (entry.getValue().isJsonPrimitive()) {
        result.put(entry.getKey(), entry.getValue().getAsString());
      } else {
        throw ApiError.badRequest(
            "Invalid value for appProperties." + entry.getKey() + ": expected a string.");
      }
    }
    if (result.size() > MAX_APP_PROPERTIES) {
      throw ApiError.of(
          400,
          "invalid",
          "A file can have at most "
              + MAX_APP_PROPERTIES
              + " appProperties, got "
              + result.size()
              + ".");
    }
    for (Map.Entry<String, String> entry : result.entrySet()) {
      int bytes =
          entry.getKey().getBytes(StandardCharsets.UTF_8).length
              + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_PROPERTY_BYTES) {
        throw ApiError.of(
            400,
            "invalid",
            "The limit of "
                + MAX_PROPERTY_BYTES
                + " bytes for key plus value of appProperties."
                + entry.getKey()
                + " has been exceeded ("
                + bytes
                + " bytes).");
      }
    }
    return result;
  }

  /**
   * Checks and resolves requested parents: none means My Drive, {@code root} is My Drive's id,
   * {@code appDataFolder} the application data folder's ({@link DriveSpaces}), others must be
   * existing, untrashed folders; at most one.
   *
   * @throws ApiError 404 {@code notFound} for an unknown parent, 403 {@code cannotAddParent} for
   *     several
   */
  static List<String> resolveParents(List<String> requested, EmulatorState state) {
    if (requested.isEmpty()) {
      return List.of(state.driveRootId());
    }
    if (requested.size() > 1) {
      throw ApiError.of(
          403,
          "cannotAddParent",
          "Increasing the number of parents is not allowed. A file can only have one parent.");
    }
    List<String> resolved = new ArrayList<>();
    for (String parent : requested) {
      if (parent.equals("root") || parent.equals(state.driveRootId())) {
        resolved.add(state.driveRootId());
        continue;
      }
      if (parent.equals(DriveSpaces.APP_DATA)
          || parent.equals(DriveSpaces.appDataId(state.driveRootId()))) {
        resolved.add(DriveSpaces.appDataId(state.driveRootId()));
        continue;
      }
      StoredDriveFile folder = state.driveFiles().get(parent);
      if (folder == null || folder.trashed()) {
        throw ApiError.notFound("File not found: " + parent + ".");
      }
      if (!folder.isFolder()) {
        throw ApiError.badRequest("The parent " + parent + " is not a folder.");
      }
      resolved.add(parent);
    }
    return resolved;
  }
}
