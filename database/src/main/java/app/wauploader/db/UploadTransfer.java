package app.wauploader.db;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What an open transfer sends, fixed when it began (a row of {@code upload_transfers}): a resumed
 * transfer must send the very bytes the server already holds a prefix of.
 *
 * @param chunkGranularity every chunk but the last is a multiple of this many bytes, &gt; 0 (the
 *     server's {@code X-Goog-Upload-Chunk-Granularity} for Photos; 256 KiB for Drive)
 * @param sentSize bytes the transfer sends, ≥ 0 (a dated JPEG copy is larger than the file)
 * @param sentSha256 SHA-256 of those bytes, 64 lowercase hex (the local file's own when {@code
 *     capturedAt} is empty)
 * @param capturedAt the capture date written into the copy, if a dated copy is sent
 * @param capturedOffset the UTC offset written with it; present exactly when {@code capturedAt} is
 * @param capturedSource where the date came from ({@code chat_message}, {@code file_name}, {@code
 *     mtime}); present exactly when {@code capturedAt} is
 */
public record UploadTransfer(
    int chunkGranularity,
    long sentSize,
    String sentSha256,
    Optional<Instant> capturedAt,
    Optional<ZoneOffset> capturedOffset,
    Optional<String> capturedSource) {
  /**
   * @throws IllegalArgumentException if the granularity is not positive, the size negative, or only
   *     one of the date's two parts is given
   */
  public UploadTransfer {
    Objects.requireNonNull(sentSha256, "sentSha256");
    if (chunkGranularity <= 0 || sentSize < 0) {
      throw new IllegalArgumentException("granularity " + chunkGranularity + ", size " + sentSize);
    }
    if (capturedAt.isPresent() != capturedOffset.isPresent()
        || capturedAt.isPresent() != capturedSource.isPresent()) {
      throw new IllegalArgumentException("a capture date needs its instant, offset and source");
    }
  }
}
