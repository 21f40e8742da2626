package app.wauploader.emulator.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDimensionsTest {
  @TempDir Path dir;

  private Path write(int... bytes) throws IOException {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    return Files.write(dir.resolve("f" + bytes.length), data);
  }

  @Test
  void readsJpegFrameSizeAfterOtherSegments() throws IOException {
    Path jpeg =
        write(
            0xFF, 0xD8, // SOI
            0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F', // APP0 (length 6)
            0xFF, 0xDB, 0x00, 0x03, 0x00, // DQT (length 3)
            0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0x01, 0x11,
            0x00); // SOF2 480x640
    assertThat(ImageDimensions.read(jpeg)).contains(new ImageDimensions(640, 480));
  }

  @Test
  void readsGifAndIgnoresUnknownOrDamagedFiles() throws IOException {
    assertThat(ImageDimensions.read(write('G', 'I', 'F', '8', '9', 'a', 0x10, 0x00, 0x20, 0x00)))
        .contains(new ImageDimensions(16, 32));
    assertThat(ImageDimensions.read(write(1, 2, 3))).isEmpty();
    assertThat(ImageDimensions.read(write(0xFF, 0xD8, 0xFF))).isEmpty();
  }
}
