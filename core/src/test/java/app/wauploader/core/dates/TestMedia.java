package app.wauploader.core.dates;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.source.MediaContent;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

/** Real media bytes for the date tests, and a {@link MediaContent} over them. */
final class TestMedia {
  private TestMedia() {}

  /** A file from {@code src/test/resources/dates/} (see the README there). */
  static byte[] resource(String name) {
    try (InputStream in = TestMedia.class.getResourceAsStream("/dates/" + name)) {
      assertThat(in).as(name).isNotNull();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the sample WhatsApp tree, e.g. {@code "WhatsApp Images/IMG-20231105-WA0012.jpg"}. */
  static byte[] sample(String relative) {
    try {
      return Files.readAllBytes(SampleTree.SOURCE.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an independent reader (metadata-extractor) finds in {@code bytes}. */
  static Metadata metadata(byte[] bytes) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    } catch (ImageProcessingException | IOException e) {
      throw new AssertionError("metadata-extractor cannot read the copy", e);
    }
  }

  /** The whole copy, read front to back in pieces of odd sizes. */
  static byte[] readAll(SentCopy copy) throws IOException {
    byte[] out = new byte[Math.toIntExact(copy.size())];
    int pos = 0;
    int piece = 1;
    while (pos < out.length) {
      int n = copy.read(pos, out, pos, Math.min(piece, out.length - pos));
      assertThat(n).isPositive();
      pos += n;
      piece = piece * 3 % 8191 + 1;
    }
    byte[] probe = new byte[1];
    assertThat(copy.read(out.length, probe, 0, 1)).isEqualTo(-1);
    return out;
  }

  /** Reads 300 odd-sized ranges at random offsets and checks each equals {@code full} there. */
  static void assertRandomReadsMatch(SentCopy copy, byte[] full) throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      long pos = (long) (random.nextDouble() * full.length);
      int len = 1 + 2 * random.nextInt(5000);
      assertRangeMatches(copy, full, pos, len);
    }
  }

  /** Reads {@code len} bytes at {@code pos} (as many calls as it takes) and compares. */
  static void assertRangeMatches(SentCopy copy, byte[] full, long pos, int len) throws IOException {
    int want = (int) Math.min(len, full.length - pos);
    byte[] got = new byte[want + 3];
    int done = 0;
    while (done < want) {
      int n = copy.read(pos + done, got, 3 + done, want - done);
      assertThat(n).as("read at %d", pos + done).isPositive();
      done += n;
    }
    assertThat(Arrays.copyOfRange(got, 3, 3 + want))
        .as("bytes %d..%d", pos, pos + want)
        .isEqualTo(Arrays.copyOfRange(full, (int) pos, (int) pos + want));
  }

  /**
   * The original's bytes, handed out at most 1,021 at a time (as a real channel may), counting
   * closes.
   */
  static final class Content implements MediaContent {
    private final byte[] bytes;
    int closed;

    Content(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(Math.min(length, 1021), bytes.length - position);
      System.arraycopy(bytes, (int) position, buffer, offset, n);
      return n;
    }

    @Override
    public void close() {
      closed++;
    }
  }
}
