package app.wauploader.core.target;

import java.time.Instant;
import java.util.Optional;

/**
 * What a target needs to open a resumable transfer for one file.
 *
 * @param container Drive folder path ({@code WhatsApp/WhatsApp Documents}) or Photos album title
 *     ({@code WhatsApp Images})
 * @param remoteName file name to give the remote item
 * @param mimeType detected content type
 * @param size total bytes, ≥ 0
 * @param sha256 64 lowercase hex characters, stored with the item where the service allows
 * @param mtimeMs local last-modified time, epoch ms
 * @param capturedAt when the photo, video or file was taken or sent, when known and wanted: Drive
 *     files get it as {@code createdTime} and {@code modifiedTime} (both writable on create,
 *     https://developers.google.com/workspace/drive/api/reference/rest/v3/files); Photos reads
 *     dates from the bytes only
 */
public record TransferRequest(
    String container,
    String remoteName,
    String mimeType,
    long size,
    String sha256,
    long mtimeMs,
    Optional<Instant> capturedAt) {
  /** A request without a capture date. */
  public TransferRequest(
      String container,
      String remoteName,
      String mimeType,
      long size,
      String sha256,
      long mtimeMs) {
    this(container, remoteName, mimeType, size, sha256, mtimeMs, Optional.empty());
  }

  /** The copy of this request for {@code newSize} bytes (a dated copy's size). */
  public TransferRequest withSize(long newSize) {
    return new TransferRequest(
        container, remoteName, mimeType, newSize, sha256, mtimeMs, capturedAt);
  }
}
