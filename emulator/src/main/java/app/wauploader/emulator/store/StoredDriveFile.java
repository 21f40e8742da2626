package app.wauploader.emulator.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Drive file or folder as stored by the emulator
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files).
 *
 * @param id Drive file id
 * @param name file name
 * @param mimeType MIME type; folders are {@link #FOLDER_MIME_TYPE}
 * @param parents parent folder ids (at most one)
 * @param appProperties app-private key/value pairs
 * @param description description; null when unset
 * @param createdTime creation time
 * @param modifiedTime modification time
 * @param size content size in bytes (0 for folders)
 * @param md5Checksum lowercase hex MD5 of the content; null for folders
 * @param sha1Checksum lowercase hex SHA-1; null for folders
 * @param sha256Checksum lowercase hex SHA-256; null for folders
 * @param blobId the {@link BlobStore} blob holding the content; null when the content is empty
 * @param trashed whether the file is in the trash
 * @param shortcutDetails what a shortcut points to; null unless {@link #isShortcut()} (rows
 *     persisted before shortcuts existed load with null)
 */
public record StoredDriveFile(
    String id,
    String name,
    String mimeType,
    List<String> parents,
    Map<String, String> appProperties,
    String description,
    Instant createdTime,
    Instant modifiedTime,
    long size,
    String md5Checksum,
    String sha1Checksum,
    String sha256Checksum,
    String blobId,
    boolean trashed,
    Shortcut shortcutDetails) {

  /** MIME type of Drive folders. */
  public static final String FOLDER_MIME_TYPE = "application/vnd.google-apps.folder";

  /**
   * MIME type of Drive shortcuts, files that link to another file and have no content
   * (https://developers.google.com/drive/api/guides/shortcuts).
   */
  public static final String SHORTCUT_MIME_TYPE = "application/vnd.google-apps.shortcut";

  /**
   * A shortcut's {@code shortcutDetails}
   * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File).
   *
   * @param targetId the id of the file the shortcut points to; the target may since have been
   *     trashed or deleted (the shortcut then is broken, it is not removed)
   * @param targetMimeType the target's MIME type when the shortcut was created (a snapshot, not
   *     updated later)
   */
  public record Shortcut(String targetId, String targetMimeType) {}

  public StoredDriveFile {
    parents = parents == null ? List.of() : List.copyOf(parents);
    appProperties =
        appProperties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(appProperties));
  }

  public boolean isFolder() {
    return FOLDER_MIME_TYPE.equals(mimeType);
  }

  /** Whether this is a shortcut (no content, {@link #shortcutDetails()} set). */
  public boolean isShortcut() {
    return SHORTCUT_MIME_TYPE.equals(mimeType);
  }

  /** Folders and shortcuts have no content: no size, no checksums, nothing to download. */
  public boolean hasContent() {
    return !isFolder() && !isShortcut();
  }

  public Optional<String> blob() {
    return Optional.ofNullable(blobId);
  }

  /** A copy with other metadata (content and checksums unchanged). */
  public StoredDriveFile withMetadata(
      String name,
      String mimeType,
      List<String> parents,
      Map<String, String> appProperties,
      String description,
      Instant modifiedTime,
      boolean trashed) {
    return new StoredDriveFile(
        id,
        name,
        mimeType,
        parents,
        appProperties,
        description,
        createdTime,
        modifiedTime,
        size,
        md5Checksum,
        sha1Checksum,
        sha256Checksum,
        blobId,
        trashed,
        shortcutDetails);
  }
}
