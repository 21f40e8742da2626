package app.wauploader.core.hash;

/**
 * Tells the MIME type of a file from its first bytes (magic numbers), the file name only breaking
 * ties (content that several types share, or none recognised). Implementations are thread-safe.
 */
public interface MimeDetector {
  /**
   * The MIME type of content starting with {@code head[0..length)}.
   *
   * @param head the first bytes of the file (up to {@link ContentHasher#DETECTION_BYTES}); only
   *     read during the call, never kept
   * @param length how many bytes of {@code head} are the file's, 0 ≤ length ≤ head.length (fewer
   *     than asked for when the file is shorter)
   * @param fileName the file's own name (any characters), a hint only
   * @return a base type without parameters ({@code image/jpeg}); {@code application/octet-stream}
   *     when nothing is recognised
   */
  String detect(byte[] head, int length, String fileName);
}
