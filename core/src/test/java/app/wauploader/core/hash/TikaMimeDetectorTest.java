package app.wauploader.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.SampleTree;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TikaMimeDetectorTest {
  private final MimeDetector detector = new TikaMimeDetector();

  @Test
  void readsOnlyTheFirstLengthBytes() throws Exception {
    byte[] png =
        Files.readAllBytes(SampleTree.SOURCE.resolve("WhatsApp Images/IMG-20240101-WA0007.png"));
    byte[] padded = Arrays.copyOf(png, png.length + 1000);
    Arrays.fill(padded, png.length, padded.length, (byte) 0x7f);
    assertThat(detector.detect(padded, png.length, "IMG-20240101-WA0007.jpg"))
        .isEqualTo("image/png");

    byte[] pdfMagic = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] pdfHead = Arrays.copyOf(pdfMagic, 64);
    assertThat(detector.detect(pdfHead, pdfMagic.length, "x.bin")).isEqualTo("application/pdf");
  }

  @Test
  void theNameOnlyBreaksTies() {
    byte[] nothing = new byte[16];
    assertThat(detector.detect(nothing, 0, "IMG-1.jpg")).isEqualTo("image/jpeg");
    assertThat(detector.detect(nothing, 0, "unknown")).isEqualTo("application/octet-stream");
  }

  @Test
  void refusesALengthOutsideTheBuffer() {
    assertThatThrownBy(() -> detector.detect(new byte[4], 5, "x"))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> detector.detect(new byte[4], -1, "x"))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
