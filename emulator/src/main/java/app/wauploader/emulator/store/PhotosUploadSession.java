package app.wauploader.emulator.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Photos resumable upload
 * (https://developers.google.com/photos/library/guides/resumable-uploads). The bytes received so
 * far are the {@link BlobStore} blob named {@code uploadId}.
 *
 * @param uploadId id in the upload URL
 * @param rawSize {@code X-Goog-Upload-Raw-Size}; null when not given
 * @param contentType {@code X-Goog-Upload-Content-Type}; null when not given
 * @param fileName {@code X-Goog-Upload-File-Name}; null when not given
 * @param createdAt start time
 * @param status active, final or cancelled
 * @param uploadToken the token issued at finalize; null before
 */
public record PhotosUploadSession(
    String uploadId,
    Long rawSize,
    String contentType,
    String fileName,
    Instant createdAt,
    PhotosUploadStatus status,
    String uploadToken) {

  public OptionalLong declaredSize() {
    return rawSize == null ? OptionalLong.empty() : OptionalLong.of(rawSize);
  }

  public Optional<String> token() {
    return Optional.ofNullable(uploadToken);
  }

  public PhotosUploadSession finalized(String token) {
    return new PhotosUploadSession(
        uploadId, rawSize, contentType, fileName, createdAt, PhotosUploadStatus.FINAL, token);
  }

  public PhotosUploadSession cancelled() {
    return new PhotosUploadSession(
        uploadId, rawSize, contentType, fileName, createdAt, PhotosUploadStatus.CANCELLED, null);
  }
}
