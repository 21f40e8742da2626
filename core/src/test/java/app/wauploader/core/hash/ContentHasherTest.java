package app.wauploader.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHasherTest {
  private final ContentHasher hasher = new ContentHasher();
  private final Path media = SampleTree.SOURCE;

  @Test
  void detectsRealMediaByContent() throws Exception {
    assertThat(type("WhatsApp Images/IMG-20231105-WA0012.jpg")).isEqualTo("image/jpeg");
    assertThat(type("WhatsApp Images/IMG-20240101-WA0007.png")).isEqualTo("image/png");
    assertThat(type("WhatsApp Video/VID-20231224-WA0002.mp4")).isEqualTo("video/mp4");
    assertThat(type("WhatsApp Documents/DOC-20231010-WA0003.pdf")).isEqualTo("application/pdf");
    assertThat(type("WhatsApp Stickers/STK-20231112-WA0001.webp")).isEqualTo("image/webp");
    assertThat(type("WhatsApp Voice Notes/202345/PTT-20231105-WA0004.opus")).startsWith("audio/");
  }

  @Test
  void contentWinsOverAMisleadingName() throws Exception {
    assertThat(type("WhatsApp Documents/DOC-20231201-WA0009.pdf")).isEqualTo("application/zip");
  }

  @Test
  void hashesLargeFilesByStreaming(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("VID-big.mp4");
    byte[] block = new byte[1 << 20];
    new Random(7).nextBytes(block);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 12; i++) {
        out.write(block);
      }
    }
    assertThat(fingerprint(big).sha256()).isEqualTo(SampleTree.sha256(big));
  }

  @Test
  void anEmptyFileHasTheEmptyHash(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("x.jpg"));
    assertThat(fingerprint(empty).sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  private String type(String relative) throws Exception {
    Path file = media.resolve(relative);
    Fingerprint fp = fingerprint(file);
    assertThat(fp.sha256()).isEqualTo(SampleTree.sha256(file));
    return fp.mimeType();
  }

  /** Fingerprints a local file the way the pipeline does: through its source, by key. */
  private Fingerprint fingerprint(Path file) throws Exception {
    try (app.wauploader.core.source.MediaContent content =
        new app.wauploader.core.source.LocalFileSource(java.util.List.of())
            .open(app.wauploader.core.source.SourceKeys.file(file.toAbsolutePath().toString()))) {
      return hasher.fingerprint(content, file.getFileName().toString());
    }
  }
}
