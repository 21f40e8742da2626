package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.store.StoredDriveFile;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Drive v3 File resources as JSON
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File). All fields are
 * always returned whatever {@code fields} asks; {@code size} is a decimal string (int64 in JSON);
 * folders have no size or checksums.
 */
final class DriveJson {
  private DriveJson() {}

  static JsonObject file(StoredDriveFile file) {
    JsonObject json = new JsonObject();
    json.addProperty("kind", "drive#file");
    json.addProperty("id", file.id());
    json.addProperty("name", file.name());
    json.addProperty("mimeType", file.mimeType());
    if (file.description() != null) {
      json.addProperty("description", file.description());
    }
    json.add("parents", Json.arrayOf(file.parents()));
    if (!file.isFolder()) {
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
    return json;
  }

  /** "My Drive", the folder {@code root} stands for. */
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
            false));
  }
}
