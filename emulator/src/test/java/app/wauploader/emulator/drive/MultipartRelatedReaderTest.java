package app.wauploader.emulator.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartRelatedReaderTest {
  private static final String BOUNDARY = "==b0undary==";

  private static byte[] body(String json, byte[] media) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("preamble\r\n--"
                + BOUNDARY
                + "\r\nContent-Type: application/json\r\n\r\n"
                + json
                + "\r\n--"
                + BOUNDARY
                + "\r\nContent-Type: video/mp4\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(media);
    out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Delivers at most {@code max} bytes per read, to exercise the window refills. */
  private static InputStream trickle(byte[] bytes, int max) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, max));
      }
    };
  }

  @Test
  void streamsTheMediaPartExactlyWhateverItsBytesAndSize() throws IOException {
    Random random = new Random(7);
    byte[] lookalike = ("\r\n--" + BOUNDARY.substring(0, 5)).getBytes(StandardCharsets.UTF_8);
    for (int size : new int[] {0, 1, 17, 65_535, 65_536, 65_536 + 3, 65_536 + 17, 200_000}) {
      byte[] media = new byte[size];
      random.nextBytes(media);
      for (int at = 0; at + lookalike.length <= size; at += 9_973) {
        System.arraycopy(lookalike, 0, media, at, lookalike.length);
      }
      for (int chunk : new int[] {1_000_000, 4_093, 7}) {
        if (chunk == 7 && size > 70_000) {
          continue;
        }
        MultipartRelatedReader reader =
            new MultipartRelatedReader(trickle(body("{\"name\":\"x\"}", media), chunk), BOUNDARY);
        Map<String, String> first = reader.nextPartHeaders();
        assertThat(first).containsEntry("content-type", "application/json");
        assertThat(reader.partText(1024)).isEqualTo("{\"name\":\"x\"}");
        assertThat(reader.nextPartHeaders()).containsEntry("content-type", "video/mp4");
        assertThat(reader.partContent().readAllBytes())
            .as("size %d, reads of %d", size, chunk)
            .isEqualTo(media);
        assertThat(reader.nextPartHeaders()).isEmpty();
      }
    }
  }

  @Test
  void readsTheBoundaryParameter() {
    assertThat(MultipartRelatedReader.boundaryOf("multipart/related; boundary=\"abc def\""))
        .isEqualTo("abc def");
    assertThat(
            MultipartRelatedReader.boundaryOf(
                "Multipart/Related;boundary=xyz; type=application/json"))
        .isEqualTo("xyz");
  }
}
