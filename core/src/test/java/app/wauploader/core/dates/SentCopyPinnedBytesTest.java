package app.wauploader.core.dates;

import static app.wauploader.core.dates.TestMedia.readAll;
import static app.wauploader.core.dates.TestMedia.resource;
import static app.wauploader.core.dates.TestMedia.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The sent bytes are pinned across runs, JVMs and library versions: an upload interrupted today is
 * resumed tomorrow (or after an upgrade) at an offset into these exact bytes, and their SHA-256 is
 * stored. If a change here is intended (e.g. a new Commons Imaging writes EXIF differently), every
 * unfinished date-rewritten upload must be restarted from zero, so update the hashes deliberately.
 */
class SentCopyPinnedBytesTest {
  private static final CaptureDate DATE =
      new CaptureDate(
          Instant.parse("2023-11-05T11:00:00Z"),
          ZoneOffset.ofHours(1),
          CaptureDate.Source.FILE_NAME);

  private static String sentSha256(byte[] original, String mime) throws Exception {
    SentCopy copy =
        SentCopy.of(new TestMedia.Content(original), original.length, mime, DATE).orElseThrow();
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(readAll(copy)));
  }

  @Test
  void jpegWithoutExif() throws Exception {
    assertThat(sentSha256(sample("WhatsApp Images/IMG-20231105-WA0012.jpg"), "image/jpeg"))
        .isEqualTo("4e798836a939303cc3dee5c1b44f7cf7c66893d7f87c45f1793486c3678f174c");
  }

  @Test
  void jpegWithExifButNoDate() throws Exception {
    assertThat(sentSha256(resource("samsung-exif-no-date.jpg"), "image/jpeg"))
        .isEqualTo("907a56ff04ede16b074431e12509a6a20c5451d8186eb0b3cd14c9379818055f");
  }

  @Test
  void whatsAppMp4() throws Exception {
    assertThat(sentSha256(sample("WhatsApp Video/VID-20231224-WA0002.mp4"), "video/mp4"))
        .isEqualTo("ae3f301fb3bf4006a9ee0ab89cf9fa9bb2c62ea4ea7740591d2b700dede2c176");
  }
}
