package app.wauploader.emulator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A Photos upload token: the handle to uploaded bytes that {@code mediaItems:batchCreate} turns
 * into a media item. Valid for one day and for one media item
 * (https://developers.google.com/photos/library/guides/upload-media#creating-media-item).
 *
 * @param token the opaque token string
 * @param blobId blob holding the bytes
 * @param mimeType {@code X-Goog-Upload-Content-Type}; null when not given
 * @param fileName {@code X-Goog-Upload-File-Name}; null when not given
 * @param size content size in bytes
 * @param sha256 lowercase hex SHA-256 of the content
 * @param width image width in pixels; null when unknown
 * @param height image height in pixels; null when unknown
 * @param createdAt issue time
 * @param mediaItemId the media item created from it; null while unused
 */
public record UploadToken(
    String token,
    String blobId,
    String mimeType,
    String fileName,
    long size,
    String sha256,
    Integer width,
    Integer height,
    Instant createdAt,
    String mediaItemId) {

  /** How long a token can be used after upload. */
  public static final Duration VALIDITY = Duration.ofDays(1);

  public boolean isExpired(Instant now) {
    return createdAt.plus(VALIDITY).isBefore(now);
  }

  public Optional<String> usedBy() {
    return Optional.ofNullable(mediaItemId);
  }

  public UploadToken usedFor(String newMediaItemId) {
    return new UploadToken(
        token, blobId, mimeType, fileName, size, sha256, width, height, createdAt, newMediaItemId);
  }
}
