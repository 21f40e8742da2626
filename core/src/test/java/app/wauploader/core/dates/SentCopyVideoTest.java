package app.wauploader.core.dates;

import static app.wauploader.core.dates.TestMedia.metadata;
import static app.wauploader.core.dates.TestMedia.readAll;
import static app.wauploader.core.dates.TestMedia.resource;
import static app.wauploader.core.dates.TestMedia.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A video sent to Photos carries its date in the movie, track and media headers, in place. */
class SentCopyVideoTest {
  private static final CaptureDate DATE =
      new CaptureDate(
          Instant.parse("2023-12-24T11:00:00Z"),
          ZoneOffset.ofHours(1),
          CaptureDate.Source.FILE_NAME);
  private static final String WA_VIDEO = "WhatsApp Video/VID-20231224-WA0002.mp4";

  private static Optional<SentCopy> copyOf(byte[] original, String mime, CaptureDate date)
      throws IOException {
    return SentCopy.of(new TestMedia.Content(original), original.length, mime, date);
  }

  private static byte[] rewrite(byte[] original, String mime) throws IOException {
    Optional<SentCopy> copy = copyOf(original, mime, DATE);
    assertThat(copy).as("a copy").isPresent();
    return readAll(copy.get());
  }

  /**
   * Where the creation and modification times of every version-0 mvhd/tkhd/mdhd lie, found the
   * simple way (not by walking boxes): a type code preceded by that box's fixed version-0 size
   * (108, 92, 32 bytes per ISO/IEC 14496-12) and followed by version 0. Each entry: [from, to).
   */
  private static List<int[]> timeFields(byte[] file) {
    List<int[]> fields = new ArrayList<>();
    for (int i = 4; i + 16 <= file.length; i++) {
      String type = new String(file, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      int size =
          ((file[i - 4] & 0xff) << 24)
              | ((file[i - 3] & 0xff) << 16)
              | ((file[i - 2] & 0xff) << 8)
              | (file[i - 1] & 0xff);
      boolean header =
          (type.equals("mvhd") && size == 108)
              || (type.equals("tkhd") && size == 92)
              || (type.equals("mdhd") && size == 32);
      if (header && file[i + 4] == 0) {
        fields.add(new int[] {i + 8, i + 16});
      }
    }
    return fields;
  }

  /** {@code file} with every time field found by {@link #timeFields} set to 0 ("unknown"). */
  private static byte[] withoutDates(byte[] file) {
    byte[] out = file.clone();
    for (int[] f : timeFields(out)) {
      Arrays.fill(out, f[0], f[1], (byte) 0);
    }
    return out;
  }

  private static void assertOnlyTimeFieldsDiffer(byte[] original, byte[] sent) {
    assertThat(sent).hasSameSizeAs(original);
    List<int[]> fields = timeFields(original);
    assertThat(fields).isNotEmpty();
    int changed = 0;
    for (int i = 0; i < original.length; i++) {
      if (original[i] != sent[i]) {
        int at = i;
        assertThat(fields)
            .as("byte %d changed", i)
            .anySatisfy(f -> assertThat(at).isBetween(f[0], f[1] - 1));
        changed++;
      }
    }
    assertThat(changed).isPositive();
  }

  private static void assertEveryCreationTimeIs(Metadata m, Instant when) {
    int seen = 0;
    for (Directory d : m.getDirectories()) {
      if (d instanceof Mp4Directory || d instanceof QuickTimeDirectory) {
        int tag =
            d instanceof Mp4Directory
                ? Mp4Directory.TAG_CREATION_TIME
                : QuickTimeDirectory.TAG_CREATION_TIME;
        Date created = d.getDate(tag);
        if (created != null) {
          assertThat(created.toInstant()).as(d.getName()).isEqualTo(when);
          seen++;
        }
      }
    }
    assertThat(seen).as("directories with a creation time").isPositive();
  }

  @Test
  void whatsAppVideoGetsTheDateInEveryHeaderAndKeepsItsSize() throws Exception {
    byte[] original = sample(WA_VIDEO);
    byte[] sent = rewrite(original, "video/mp4");
    assertOnlyTimeFieldsDiffer(original, sent);
    assertThat(timeFields(original)).hasSize(5); // mvhd + 2 × (tkhd, mdhd)
    assertEveryCreationTimeIs(metadata(sent), DATE.when());
  }

  @Test
  void moovAfterMdatIsFoundAndPatched() throws Exception {
    byte[] camera = resource("moov-after-mdat.mp4");
    byte[] undated = withoutDates(camera);
    byte[] sent = rewrite(undated, "video/mp4");
    assertOnlyTimeFieldsDiffer(undated, sent);
    assertEveryCreationTimeIs(metadata(sent), DATE.when());
  }

  @Test
  void threeGppWithoutDatesIsPatched() throws Exception {
    byte[] undated = withoutDates(resource("sample.3gp"));
    byte[] sent = rewrite(undated, "video/3gpp");
    assertOnlyTimeFieldsDiffer(undated, sent);
    assertEveryCreationTimeIs(metadata(sent), DATE.when());
  }

  @Test
  void aCameraCreationTimeIsLeftAlone() throws Exception {
    assertThat(copyOf(resource("moov-after-mdat.mp4"), "video/mp4", DATE)).isEmpty();
    assertThat(copyOf(resource("sample.3gp"), "video/3gpp", DATE)).isEmpty();
    assertThat(copyOf(resource("quicktime.mov"), "video/quicktime", DATE)).isEmpty();
  }

  @Test
  void sameBytesAndDateGiveTheSameCopyAndAnyReadMatches() throws Exception {
    byte[] original = sample("WhatsApp Video/VID-20240214-WA0008.mp4");
    byte[] full = rewrite(original, "video/mp4");
    assertThat(rewrite(original.clone(), "video/mp4")).isEqualTo(full);
    SentCopy copy = copyOf(original, "video/mp4", DATE).orElseThrow();
    assertThat(copy.size()).isEqualTo(original.length);
    TestMedia.assertRandomReadsMatch(copy, full);
    for (int[] f : timeFields(original)) {
      for (int at : new int[] {f[0] - 1, f[0], f[0] + 1, f[0] + 4, f[1] - 1, f[1]}) {
        for (int len : new int[] {1, 3, 8, 17}) {
          TestMedia.assertRangeMatches(copy, full, at, len);
        }
      }
    }
  }

  @Test
  void truncatedOrMislabelledVideosGiveNoCopyAndNoException() throws Exception {
    byte[] whole = sample(WA_VIDEO);
    assertThat(copyOf(Arrays.copyOf(whole, whole.length - 1000), "video/mp4", DATE))
        .as("mdat cut short")
        .isEmpty();
    assertThat(copyOf(Arrays.copyOf(whole, 500), "video/mp4", DATE))
        .as("cut inside moov")
        .isEmpty();
    assertThat(copyOf(new byte[0], "video/mp4", DATE)).as("empty").isEmpty();
    assertThat(copyOf(sample("WhatsApp Images/IMG-20231105-WA0012.jpg"), "video/mp4", DATE))
        .as("a JPEG called MP4")
        .isEmpty();
    TestMedia.Content shorter = new TestMedia.Content(Arrays.copyOf(whole, 9000));
    assertThat(SentCopy.of(shorter, whole.length, "video/mp4", DATE))
        .as("the file is shorter than its stat said")
        .isEmpty();
  }

  @Test
  void aDateAVersion0HeaderCannotHoldGivesNoCopy() throws Exception {
    CaptureDate late =
        new CaptureDate(
            Instant.parse("2040-02-07T00:00:00Z"), ZoneOffset.UTC, CaptureDate.Source.MTIME);
    assertThat(copyOf(sample(WA_VIDEO), "video/mp4", late)).isEmpty();
  }

  @Test
  void formatsThatCannotCarryADateHereAreSentUnchanged() throws Exception {
    assertThat(copyOf(resource("mspaint.png"), "image/png", DATE)).isEmpty();
    assertThat(copyOf(resource("STK-20211226-WA0091.webp"), "image/webp", DATE)).isEmpty();
    assertThat(copyOf(resource("PTT-20211218-WA0243.opus"), "audio/ogg", DATE)).isEmpty();
    assertThat(copyOf(sample("WhatsApp Audio/AUD-20230901-WA0000.mp3"), "audio/mpeg", DATE))
        .isEmpty();
    assertThat(
            copyOf(sample("WhatsApp Documents/DOC-20231010-WA0003.pdf"), "application/pdf", DATE))
        .isEmpty();
    assertThat(copyOf(sample("WhatsApp Images/IMG-20231105-WA0012.jpg"), "image/png", DATE))
        .as("the declared type decides")
        .isEmpty();
  }
}
