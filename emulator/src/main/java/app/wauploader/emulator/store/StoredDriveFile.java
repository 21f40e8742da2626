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
    boolean trashed) {

  /** MIME type of Drive folders. */
  public static final String FOLDER_MIME_TYPE = "application/vnd.google-apps.folder";

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
        trashed);
  }
}
