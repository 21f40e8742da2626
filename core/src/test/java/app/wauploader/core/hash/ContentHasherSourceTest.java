package app.wauploader.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.SampleTree;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.source.TestZips;
import app.wauploader.core.source.ZipArchiveSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHasherSourceTest {
  /** {@code sha256sum "WhatsApp Images/IMG-20231105-WA0012.jpg"} of the sample tree. */
  private static final String JPEG_SHA256 =
      "5847897da804e5e6e6ac41638b33ae5e198edff9ea722477a58ddb59ed63f4eb";

  /** {@code sha256sum "WhatsApp Video/VID-20231224-WA0002.mp4"}: 396 778 bytes, two buffers. */
  private static final String MP4_SHA256 =
      "51327e80d8c6db498c70e6a04f87922665379c0f329d425906e1641d7addef52";

  private final ContentHasher hasher = new ContentHasher();
  private final Path jpeg = SampleTree.SOURCE.resolve("WhatsApp Images/IMG-20231105-WA0012.jpg");
  private final Path mp4 = SampleTree.SOURCE.resolve("WhatsApp Video/VID-20231224-WA0002.mp4");

  @TempDir Path dir;

  @Test
  void givesTheSha256ThatSha256sumGives() throws Exception {
    MediaSource files = new LocalFileSource(List.of());
    assertThat(localFingerprint(jpeg).sha256()).isEqualTo(JPEG_SHA256);
    assertThat(localFingerprint(mp4).sha256()).isEqualTo(MP4_SHA256);
    try (MediaContent content = files.open(key(jpeg))) {
      assertThat(hasher.fingerprint(content, "IMG-20231105-WA0012.jpg"))
          .isEqualTo(new Fingerprint(JPEG_SHA256, "image/jpeg", false));
    }
    try (MediaContent content = files.open(key(mp4))) {
      assertThat(hasher.fingerprint(content, "VID-20231224-WA0002.mp4"))
          .isEqualTo(new Fingerprint(MP4_SHA256, "video/mp4", false));
    }
  }

  @Test
  void aZipEntryHasTheFingerprintOfTheSameBytesAsALocalFile() throws Exception {
    Path archive = dir.resolve("Export.zip");
    Path big = Files.write(dir.resolve("VID-big.mp4"), TestZips.mixedBytes(700_000, 3));
    try (TestZips zip = TestZips.create(archive)) {
      for (Path file : List.of(jpeg, mp4, big)) {
        byte[] data = Files.readAllBytes(file);
        zip.stored("stored/" + file.getFileName(), data);
        zip.deflated("deflated/" + file.getFileName(), data);
      }
    }
    try (ZipArchiveSource source = new ZipArchiveSource(archive)) {
      for (Path file : List.of(jpeg, mp4, big)) {
        String name = file.getFileName().toString();
        Fingerprint local = localFingerprint(file);
        for (String folder : List.of("stored/", "deflated/")) {
          try (MediaContent content =
              source.open(SourceKeys.zipEntry(archive.toString(), folder + name))) {
            assertThat(hasher.fingerprint(content, name)).isEqualTo(local);
          }
        }
      }
    }
  }

  @Test
  void aJpegNamedPdfIsAJpeg() throws Exception {
    Path renamed = Files.copy(jpeg, dir.resolve("DOC-20240101-WA0001.pdf"));
    assertThat(localFingerprint(renamed).mimeType()).isEqualTo("image/jpeg");
    try (MediaContent content = new LocalFileSource(List.of()).open(key(renamed))) {
      assertThat(hasher.fingerprint(content, "DOC-20240101-WA0001.pdf").mimeType())
          .isEqualTo("image/jpeg");
    }
  }

  @Test
  void detectsFromTheFirst64KibThroughTheGivenDetector() throws Exception {
    List<String> calls = new ArrayList<>();
    byte[] mp4Bytes = Files.readAllBytes(mp4);
    ContentHasher custom =
        new ContentHasher(
            (head, length, fileName) -> {
              assertThat(Arrays.copyOf(head, length))
                  .isEqualTo(Arrays.copyOf(mp4Bytes, Math.min(mp4Bytes.length, 65_536)));
              calls.add(fileName + ":" + length);
              return "video/x-test";
            });
    assertThat(localFingerprint(custom, mp4))
        .isEqualTo(new Fingerprint(MP4_SHA256, "video/x-test", false));
    Path small = Files.write(dir.resolve("tiny.bin"), new byte[] {1, 2, 3});
    assertThat(
            localFingerprint(new ContentHasher((head, length, name) -> length + " bytes"), small)
                .mimeType())
        .isEqualTo("3 bytes");
    assertThat(calls).containsExactly("VID-20231224-WA0002.mp4:65536");
  }

  @Test
  void aContentThatGivesNoBytesBeforeItsEndIsAnError() {
    MediaContent stuck =
        new MediaContent() {
          @Override
          public int read(long position, byte[] buffer, int offset, int length) {
            return 0;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> hasher.fingerprint(stuck, "x.jpg"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("gave none");
  }

  private static String key(Path file) {
    return SourceKeys.file(file.toAbsolutePath().normalize().toString());
  }

  /** A local file's fingerprint, read through its source by key. */
  private static Fingerprint localFingerprint(Path file) throws Exception {
    return localFingerprint(new ContentHasher(), file);
  }

  private static Fingerprint localFingerprint(ContentHasher hasher, Path file) throws Exception {
    try (app.wauploader.core.source.MediaContent content =
        new app.wauploader.core.source.LocalFileSource(java.util.List.of())
            .open(app.wauploader.core.source.SourceKeys.file(file.toAbsolutePath().toString()))) {
      return hasher.fingerprint(content, file.getFileName().toString());
    }
  }
}
