package app.wauploader.core.hash;

import app.wauploader.core.source.MediaContent;
import java.io.IOException;
import java.security.MessageDigest;

/**
 * Reads a file once, streaming: SHA-256 of every byte, and the MIME type detected by a {@link
 * MimeDetector} from the first {@link #DETECTION_BYTES} bytes (magic), with the file name as a
 * hint. Memory use is one {@value #BUFFER_BYTES}-byte buffer per hashing thread, whatever the file
 * size and count. Thread-safe.
 */
public final class ContentHasher {
  /** Bytes given to MIME detection. */
  public static final int DETECTION_BYTES = 64 * 1024;

  /** Bytes read at a time. */
  static final int BUFFER_BYTES = 256 * 1024;

  /** One read buffer per hashing thread, not one per file (tens of thousands of files). */
  private static final ThreadLocal<byte[]> BUFFERS =
      ThreadLocal.withInitial(() -> new byte[BUFFER_BYTES]);

  private final MimeDetector detector;

  /**
   * Detects with Apache Tika ({@link TikaMimeDetector}), the media types WhatsApp writes first by
   * their signature ({@link SignatureFirstDetector}: the same answers, without Tika's cost).
   */
  public ContentHasher() {
    this(DEFAULT_DETECTOR);
  }

  private static final MimeDetector DEFAULT_DETECTOR =
      new SignatureFirstDetector(new TikaMimeDetector());

  /**
   * @param detector tells MIME types from the first bytes
   */
  public ContentHasher(MimeDetector detector) {
    this.detector = detector;
  }

  /**
   * Hashes and detects {@code content} (a local file, an archive entry, …), reading it once in
   * order from byte 0 to its end. Does not close it.
   *
   * @param fileName the file's own name, a hint for detection only
   * @throws IOException if the content cannot be read, or a read gives no byte before the end
   */
  public Fingerprint fingerprint(MediaContent content, String fileName) throws IOException {
    return fingerprint(content::read, fileName);
  }

  /** The MIME type of content starting with {@code head}, named {@code fileName}. */
  public String detect(byte[] head, String fileName) throws IOException {
    return detector.detect(head, head.length, fileName);
  }

  private Fingerprint fingerprint(Reader reader, String fileName) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = BUFFERS.get();
    long position = 0;
    int headLength = 0;
    int n;
    while (headLength < DETECTION_BYTES
        && (n = next(reader, position, buffer, headLength, DETECTION_BYTES - headLength)) > 0) {
      headLength += n;
      position += n;
    }
    digest.update(buffer, 0, headLength);
    // Detected before the buffer is reused for the rest of the file: no copy of the head.
    String mimeType = detector.detect(buffer, headLength, fileName);
    while ((n = next(reader, position, buffer, 0, buffer.length)) > 0) {
      digest.update(buffer, 0, n);
      position += n;
    }
    return new Fingerprint(Sha256.hex(digest.digest()), mimeType, false);
  }

  /** Bytes read at {@code position}, or -1 at the end. */
  private static int next(Reader reader, long position, byte[] buffer, int offset, int length)
      throws IOException {
    int n = reader.read(position, buffer, offset, length);
    if (n == 0) {
      throw new IOException("read of " + length + " bytes at " + position + " gave none");
    }
    return n;
  }

  /** Positional reads, as {@link MediaContent#read}. */
  private interface Reader {
    int read(long position, byte[] buffer, int offset, int length) throws IOException;
  }
}
