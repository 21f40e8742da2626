package app.wauploader.core.target;

import java.util.Objects;

/**
 * An opened resumable transfer.
 *
 * @param uri the transfer's URI (Drive resumable session URI, Photos upload URL), to persist
 * @param chunkGranularity every chunk but the last must be a multiple of this many bytes, &gt; 0:
 *     Photos says so per session in {@code X-Goog-Upload-Chunk-Granularity}
 *     (https://developers.google.com/photos/library/guides/resumable-uploads, "Step 2"), Drive
 *     documents 256 KiB
 *     (https://developers.google.com/workspace/drive/api/guides/manage-uploads#uploading)
 */
public record TransferSession(String uri, int chunkGranularity) {
  /**
   * @throws IllegalArgumentException if the granularity is not positive
   */
  public TransferSession {
    Objects.requireNonNull(uri, "uri");
    if (chunkGranularity <= 0) {
      throw new IllegalArgumentException("chunk granularity " + chunkGranularity);
    }
  }
}
