package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.store.StoredDriveFile;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drive v3 File resources as JSON
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File), cut down to
 * what {@code fields} asks ({@link FieldMask}; without {@code fields} only {@code
 * kind,id,name,mimeType}, as v3 answers); {@code size} is a decimal string (int64 in JSON); folders
 * and shortcuts have no size or checksums ({@code size} "won't be populated for files that have no
 * size, like shortcuts and folders").
 *
 * <p>{@code shortcutDetails} ({@code targetId}, {@code targetMimeType}) is only returned when
 * {@code fields} names it or is {@code *}: it is not among the default fields (kind, id, name,
 * mimeType; https://developers.google.com/workspace/drive/api/guides/fields-parameter), and a
 * client that forgets to ask must not see it here either. No {@code targetResourceKey}: the
 * emulator's files have no resource keys.
 */
final class DriveJson {
  private DriveJson() {}

  /** Top-level File fields a {@code fields} selector may name (the v3 File resource). */
  static final java.util.Set<String> FILE_FIELDS =
      java.util.Set.of(
          "kind",
          "id",
          "name",
          "mimeType",
          "description",
          "starred",
          "trashed",
          "explicitlyTrashed",
          "trashingUser",
          "trashedTime",
          "parents",
          "properties",
          "appProperties",
          "spaces",
          "version",
          "webContentLink",
          "webViewLink",
          "iconLink",
          "hasThumbnail",
          "thumbnailLink",
          "thumbnailVersion",
          "viewedByMe",
          "viewedByMeTime",
          "createdTime",
          "modifiedTime",
          "modifiedByMeTime",
          "modifiedByMe",
          "sharedWithMeTime",
          "sharingUser",
          "owners",
          "teamDriveId",
          "driveId",
          "lastModifyingUser",
          "shared",
          "ownedByMe",
          "capabilities",
          "viewersCanCopyContent",
          "copyRequiresWriterPermission",
          "writersCanShare",
          "permissions",
          "permissionIds",
          "hasAugmentedPermissions",
          "folderColorRgb",
          "originalFilename",
          "fullFileExtension",
          "fileExtension",
          "md5Checksum",
          "sha1Checksum",
          "sha256Checksum",
          "size",
          "quotaBytesUsed",
          "headRevisionId",
          "contentHints",
          "imageMediaMetadata",
          "videoMediaMetadata",
          "isAppAuthorized",
          "exportLinks",
          "shortcutDetails",
          "contentRestrictions",
          "resourceKey",
          "linkShareMetadata",
          "labelInfo",
          "inheritedPermissionsDisabled",
          "downloadRestrictions");

  /** Top-level fields of a files.list answer. */
  static final java.util.Set<String> LIST_FIELDS =
      java.util.Set.of("kind", "incompleteSearch", "nextPageToken", "files");

  /** The File selector of a request's {@code fields} (the defaults when absent); 400 if invalid. */
  static FieldMask fileMask(Optional<String> fields) {
    return FieldMask.of(fields, FieldMask.FILE_DEFAULT).requireKnown(FILE_FIELDS);
  }

  /** The files.list selector of a request's {@code fields}; 400 if invalid. */
  static FieldMask listMask(Optional<String> fields) {
    return FieldMask.of(fields, FieldMask.LIST_DEFAULT).requireKnown(LIST_FIELDS);
  }

  /** {@code file} with only the fields {@code mask} selects. */
  static JsonObject file(StoredDriveFile file, FieldMask mask) {
    return mask.apply(file(file, true));
  }

  /**
   * Whether a {@code fields} selector (e.g. {@code id,shortcutDetails} or {@code
   * files(id,shortcutDetails/targetId)}) asks for {@code field}: it names it or is {@code *}.
   */
  static boolean asks(Optional<String> fields, String field) {
    if (fields.isEmpty()) {
      return false;
    }
    for (String token : fields.get().split("[^A-Za-z0-9_*]+")) {
      if (token.equals(field) || token.equals("*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param withShortcutDetails whether to add a shortcut's {@code shortcutDetails} (see {@link
   *     #asks})
   */
  private static JsonObject file(StoredDriveFile file, boolean withShortcutDetails) {
    JsonObject json = new JsonObject();
    json.addProperty("kind", "drive#file");
    json.addProperty("id", file.id());
    json.addProperty("name", file.name());
    json.addProperty("mimeType", file.mimeType());
    if (file.description() != null) {
      json.addProperty("description", file.description());
    }
    json.add("parents", Json.arrayOf(file.parents()));
    if (file.hasContent()) {
      json.addProperty("size", Long.toString(file.size()));
      json.addProperty("md5Checksum", file.md5Checksum());
      json.addProperty("sha1Checksum", file.sha1Checksum());
      json.addProperty("sha256Checksum", file.sha256Checksum());
    }
    JsonObject properties = new JsonObject();
    file.appProperties().forEach(properties::addProperty);
    json.add("appProperties", properties);
    json.addProperty("trashed", file.trashed());
    json.addProperty("createdTime", Rfc3339.format(file.createdTime()));
    json.addProperty("modifiedTime", Rfc3339.format(file.modifiedTime()));
    if (withShortcutDetails && file.shortcutDetails() != null) {
      JsonObject details = new JsonObject();
      details.addProperty("targetId", file.shortcutDetails().targetId());
      details.addProperty("targetMimeType", file.shortcutDetails().targetMimeType());
      json.add("shortcutDetails", details);
    }
    return json;
  }

  /** "My Drive", the folder {@code root} stands for, all fields. */
  static JsonObject root(String rootId, Instant createdTime) {
    return file(
        new StoredDriveFile(
            rootId,
            "My Drive",
            StoredDriveFile.FOLDER_MIME_TYPE,
            List.of(),
            null,
            null,
            createdTime,
            createdTime,
            0,
            null,
            null,
            null,
            null,
            false,
            null),
        true);
  }
}
