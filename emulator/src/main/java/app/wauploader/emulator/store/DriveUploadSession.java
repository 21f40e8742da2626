package app.wauploader.emulator.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Drive resumable upload session
 * (https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable). The bytes
 * received so far are the {@link BlobStore} blob named {@code uploadId}; its length is the
 * session's progress.
 *
 * @param uploadId the {@code upload_id} of the session URI
 * @param draft metadata from the initiation request
 * @param contentType {@code X-Upload-Content-Type}, or the draft's MIME type
 * @param declaredLength {@code X-Upload-Content-Length} or the first known Content-Range total;
 *     null while unknown
 * @param createdAt initiation time
 * @param fileId the created file once the upload completed; null before
 * @param fields the initiation's {@code fields} selector, used for the final answer unless a chunk
 *     request names its own; null for the defaults
 */
public record DriveUploadSession(
    String uploadId,
    DriveFileDraft draft,
    String contentType,
    Long declaredLength,
    Instant createdAt,
    String fileId,
    String fields) {

  public OptionalLong totalLength() {
    return declaredLength == null ? OptionalLong.empty() : OptionalLong.of(declaredLength);
  }

  public Optional<String> completedFileId() {
    return Optional.ofNullable(fileId);
  }

  public DriveUploadSession withDeclaredLength(long length) {
    return new DriveUploadSession(uploadId, draft, contentType, length, createdAt, fileId, fields);
  }

  public DriveUploadSession completedAs(String newFileId) {
    return new DriveUploadSession(
        uploadId, draft, contentType, declaredLength, createdAt, newFileId, fields);
  }
}
