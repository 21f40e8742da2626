package app.wauploader.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The signature table says what Tika says, or nothing. */
class MediaSignaturesTest {
  private final MimeDetector tika = new TikaMimeDetector();
  private final MimeDetector detector = new SignatureFirstDetector(tika);

  /** The type each of the table's extensions stands for. */
  private static final Map<String, String> TYPES =
      Map.of(
          "jpg", "image/jpeg",
          "png", "image/png",
          "gif", "image/gif",
          "webp", "image/webp",
          "mp4", "video/mp4",
          "3gp", "video/3gpp",
          "opus", "audio/opus",
          "pdf", "application/pdf");

  @Test
  void everySampleAndCorpusFileGetsTikasAnswerAndTheTableAnswersForEveryFileItKnows()
      throws IOException {
    List<Path> files = new ArrayList<>(files(SampleTree.SOURCE));
    Path corpus = Paths.get(System.getProperty("wa.corpus", "/work/shared/corpus"), "media");
    if (Files.isDirectory(corpus)) {
      files.addAll(files(corpus));
    }
    int answered = 0;
    for (Path file : files) {
      byte[] head = head(file);
      String name = file.getFileName().toString();
      String expected = tika.detect(head, head.length, name);
      assertThat(detector.detect(head, head.length, name)).as(name).isEqualTo(expected);
      Optional<String> fast = MediaSignatures.match(head, head.length, name);
      String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
      // Answered exactly when the name's type is what the content is (as Tika sees it).
      assertThat(fast.isPresent())
          .as(name + " (" + expected + ")")
          .isEqualTo(expected.equals(TYPES.get(extension)));
      answered += fast.isPresent() ? 1 : 0;
    }
    assertThat(answered).isGreaterThanOrEqualTo(19); // the sample tree's JPEG, MP4, Opus, PDF …
  }

  @Test
  void everySignatureOfTheTableIsOneTikaAgreesWith() {
    List<Object[]> heads =
        List.of(
            new Object[] {"a.jpg", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0)},
            new Object[] {"a.JPEG", bytes(0xFF, 0xD8, 0xFF, 0xE1, 0, 0x10, 'E', 'x', 'i', 'f', 0)},
            new Object[] {"a.png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0)},
            new Object[] {"a.gif", ascii("GIF89a\1\0\1\0")},
            new Object[] {"a.gif", ascii("GIF87a\1\0\1\0")},
            new Object[] {"a.webp", ascii("RIFF\u0024\0\0\0WEBPVP8 ")},
            new Object[] {"a.mp4", box("isom")},
            new Object[] {"a.mp4", box("mp41")},
            new Object[] {"a.mp4", box("mp42")},
            new Object[] {"a.3gp", box("3gp4")},
            new Object[] {"a.3gp", box("3gp5")},
            new Object[] {"a.3gp", box("3gp6")},
            new Object[] {"a.opus", ogg("OpusHead")},
            new Object[] {"a.pdf", ascii("%PDF-1.7\n%\u00e2\u00e3")});
    for (Object[] h : heads) {
      String name = (String) h[0];
      byte[] head = (byte[]) h[1];
      Optional<String> fast = MediaSignatures.match(head, head.length, name);
      assertThat(fast).as(name).isPresent();
      assertThat(fast.get()).as(name).isEqualTo(tika.detect(head, head.length, name));
    }
  }

  @Test
  void aSignatureThatDoesNotMatchTheNameIsLeftToTika() {
    byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D);
    assertThat(MediaSignatures.match(png, png.length, "IMG-1.jpg")).isEmpty();
    assertThat(detector.detect(png, png.length, "IMG-1.jpg")).isEqualTo("image/png");
    byte[] quicktime = box("qt  ");
    assertThat(MediaSignatures.match(quicktime, quicktime.length, "VID-1.mp4")).isEmpty();
    byte[] vorbis = ogg("\u0001vorbis\0");
    assertThat(MediaSignatures.match(vorbis, vorbis.length, "PTT-1.opus")).isEmpty();
    byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE0);
    assertThat(MediaSignatures.match(jpeg, 2, "a.jpg")).as("only 2 bytes are the file's").isEmpty();
    assertThat(MediaSignatures.match(jpeg, jpeg.length, "jpg")).isEmpty();
    assertThat(MediaSignatures.match(jpeg, jpeg.length, "a.")).isEmpty();
    assertThat(MediaSignatures.match(jpeg, jpeg.length, "a.txt")).isEmpty();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().contains("."))
          .sorted()
          .collect(java.util.stream.Collectors.toList());
    }
  }

  private static byte[] head(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    return Arrays.copyOf(all, Math.min(all.length, ContentHasher.DETECTION_BYTES));
  }

  /** An {@code ftyp} box of {@code brand}, as an MP4 or 3GP starts. */
  private static byte[] box(String brand) {
    return ascii("\0\0\0\u0018ftyp" + brand + "\0\0\0\0" + brand + "mp41");
  }

  /** The first Ogg page whose packet starts with {@code packet}. */
  private static byte[] ogg(String packet) {
    byte[] page = new byte[28 + 19];
    byte[] capture = ascii("OggS");
    System.arraycopy(capture, 0, page, 0, 4);
    page[5] = 2;
    page[26] = 1;
    page[27] = 19;
    byte[] p = ascii(packet);
    System.arraycopy(p, 0, page, 28, p.length);
    return page;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
