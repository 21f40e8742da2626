package app.wauploader.emulator.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * File metadata sent by a client before the content exists: the body of files.create or of a
 * resumable upload initiation
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create).
 *
 * @param name file name
 * @param mimeType MIME type
 * @param parents resolved parent folder ids ({@code root} already replaced by the root id)
 * @param appProperties app-private key/value pairs
 * @param description description; null when not given
 * @param modifiedTime client-set modification time; null to use the creation time
 * @param shortcutTargetId {@code shortcutDetails.targetId} of a shortcut; null for other files (and
 *     for sessions persisted before shortcuts existed)
 * @param createdTime client-set creation time; null to use the upload time
 */
public record DriveFileDraft(
    String name,
    String mimeType,
    List<String> parents,
    Map<String, String> appProperties,
    String description,
    Instant modifiedTime,
    String shortcutTargetId,
    Instant createdTime) {
  public DriveFileDraft {
    parents = parents == null ? List.of() : List.copyOf(parents);
    appProperties =
        appProperties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(appProperties));
  }
}
