package app.wauploader.core.hash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * {@link MimeDetector} by Apache Tika (tika-core's magic and name patterns, no parsers). Tika's
 * type registry is loaded once per process, on the first detection. Thread-safe.
 */
public final class TikaMimeDetector implements MimeDetector {
  /**
   * Tika's detector, loaded on first use by whichever thread needs it first (half a second on a
   * cold JVM: a run whose files {@link MediaSignatures} all recognises never pays it) and shared by
   * every instance.
   */
  private static final class Registry {
    static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IndexOutOfBoundsException if {@code length} is negative or beyond {@code head}
   */
  @Override
  public String detect(byte[] head, int length, String fileName) {
    if (length < 0 || length > head.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + head.length);
    }
    byte[] bytes = length == head.length ? head : Arrays.copyOf(head, length);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return Registry.DETECTOR.detect(in, metadata).getBaseType().toString();
    } catch (IOException e) {
      // Bytes in memory: Tika's detectors do not fail on them.
      throw new UncheckedIOException("MIME detection failed for " + fileName, e);
    }
  }
}
