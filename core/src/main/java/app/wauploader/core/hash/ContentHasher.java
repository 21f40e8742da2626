package app.wauploader.core.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Reads a file once, streaming: SHA-256 of every byte, and the MIME type detected by Apache Tika
 * from the first {@link #DETECTION_BYTES} bytes (magic), with the file name as a hint. Memory use
 * is one buffer per call, whatever the file size. Thread-safe.
 */
public final class ContentHasher {
  /** Bytes given to MIME detection. */
  public static final int DETECTION_BYTES = 64 * 1024;

  private static final int BUFFER_BYTES = 256 * 1024;

  /** One read buffer per hashing thread, not one per file (tens of thousands of files). */
  private static final ThreadLocal<byte[]> BUFFERS =
      ThreadLocal.withInitial(() -> new byte[BUFFER_BYTES]);

  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

  /**
   * Hashes and detects {@code file}.
   *
   * @throws IOException if the file cannot be read (missing, permission, I/O error)
   */
  public Fingerprint fingerprint(Path file) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = BUFFERS.get();
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      int headLength = readFully(in, buffer, DETECTION_BYTES);
      head = Arrays.copyOf(buffer, headLength);
      digest.update(buffer, 0, headLength);
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return new Fingerprint(
        Sha256.hex(digest.digest()), detect(head, file.getFileName().toString()), false);
  }

  /** The MIME type of content starting with {@code head}, named {@code fileName}. */
  public String detect(byte[] head, String fileName) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (TikaInputStream in = TikaInputStream.get(head)) {
      return detector.detect(in, metadata).getBaseType().toString();
    }
  }

  private static int readFully(InputStream in, byte[] buffer, int max) throws IOException {
    int total = 0;
    while (total < max) {
      int n = in.read(buffer, total, max - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}
