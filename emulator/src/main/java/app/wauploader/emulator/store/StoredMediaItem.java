package app.wauploader.emulator.store;

import java.time.Instant;

/**
 * A Photos media item (https://developers.google.com/photos/library/reference/rest/v1/mediaItems).
 *
 * @param id media item id
 * @param description description; null when unset
 * @param mimeType MIME type
 * @param filename file name shown in Google Photos
 * @param size content size in bytes
 * @param sha256 lowercase hex SHA-256 of the content
 * @param blobId blob holding the content
 * @param creationTime creation time (the emulator uses the batchCreate time)
 * @param width width in pixels; null when unknown
 * @param height height in pixels; null when unknown
 */
public record StoredMediaItem(
    String id,
    String description,
    String mimeType,
    String filename,
    long size,
    String sha256,
    String blobId,
    Instant creationTime,
    Integer width,
    Integer height) {}
