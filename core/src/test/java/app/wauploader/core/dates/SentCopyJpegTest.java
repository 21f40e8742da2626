package app.wauploader.core.dates;

import static app.wauploader.core.dates.TestMedia.metadata;
import static app.wauploader.core.dates.TestMedia.readAll;
import static app.wauploader.core.dates.TestMedia.resource;
import static app.wauploader.core.dates.TestMedia.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JPEG sent to Photos carries its date in EXIF; everything else about it stays. */
class SentCopyJpegTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), BERLIN);
  private static final String WA_JPEG = "WhatsApp Images/IMG-20231105-WA0012.jpg";

  private static CaptureDate dateOf(String name) {
    return CaptureDates.of(name, Optional.empty(), 0, BERLIN, NOW);
  }

  private static Optional<SentCopy> copyOf(byte[] original, CaptureDate date) throws IOException {
    return SentCopy.of(new TestMedia.Content(original), original.length, "image/jpeg", date);
  }

  private static byte[] rewrite(byte[] original, CaptureDate date) throws IOException {
    Optional<SentCopy> copy = copyOf(original, date);
    assertThat(copy).as("a copy").isPresent();
    return readAll(copy.get());
  }

  /** Offset of the first SOS marker (0xFFDA), walking the marker segments before it. */
  private static int firstScan(byte[] jpeg) {
    int pos = 2;
    while (true) {
      while ((jpeg[pos + 1] & 0xff) == 0xff) {
        pos++;
      }
      if ((jpeg[pos + 1] & 0xff) == 0xda) {
        return pos;
      }
      pos += 2 + (((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff));
    }
  }

  @Test
  void whatsAppJpegGetsTheNameDateAndOffsetInExif() throws Exception {
    byte[] original = sample(WA_JPEG);
    byte[] sent = rewrite(original, dateOf("IMG-20231105-WA0012.jpg"));

    Metadata m = metadata(sent);
    ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
        .isEqualTo("2023:11:05 12:00:00");
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL)).isEqualTo("+01:00");
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED))
        .isEqualTo("2023:11:05 12:00:00");
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_DIGITIZED)).isEqualTo("+01:00");
    assertThat(
            m.getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getString(ExifIFD0Directory.TAG_DATETIME))
        .isEqualTo("2023:11:05 12:00:00");
    assertThat(exif.getDateOriginal()).isEqualTo(Instant.parse("2023-11-05T11:00:00Z"));
    JpegDirectory jpeg = m.getFirstDirectoryOfType(JpegDirectory.class);
    assertThat(jpeg.getInt(JpegDirectory.TAG_IMAGE_WIDTH)).isEqualTo(640);
    assertThat(m.getDirectories()).allSatisfy(d -> assertThat(d.getErrors()).isEmpty());
  }

  @Test
  void imageDataAfterTheHeaderIsTheOriginalsByteForByte() throws Exception {
    for (String file :
        new String[] {
          WA_JPEG,
          "WhatsApp Images/IMG-20231224-WA0001.jpg",
          "WhatsApp Profile Photos/IMG-20230101-WA0000.jpg"
        }) {
      byte[] original = sample(file);
      byte[] sent = rewrite(original, dateOf("IMG-20231224-WA0001.jpg"));
      int scan = firstScan(original);
      assertThat(Arrays.copyOfRange(sent, firstScan(sent), sent.length))
          .as(file)
          .isEqualTo(Arrays.copyOfRange(original, scan, original.length));
      assertThat(sent.length).as(file).isGreaterThan(original.length);
    }
  }

  @Test
  void sameBytesAndDateGiveTheSameCopyEveryTime() throws Exception {
    byte[] original = sample(WA_JPEG);
    CaptureDate date = dateOf("IMG-20231105-WA0012.jpg");
    assertThat(rewrite(original.clone(), date)).isEqualTo(rewrite(original.clone(), date));
    byte[] kept = resource("samsung-exif-no-date.jpg");
    assertThat(rewrite(kept.clone(), date)).isEqualTo(rewrite(kept.clone(), date));
    CaptureDate other = new CaptureDate(date.when().plusSeconds(1), date.offset(), date.source());
    assertThat(rewrite(original, other)).isNotEqualTo(rewrite(original, date));
  }

  @Test
  void readsFromAnyOffsetInAnyPieceSizeMatchTheWholeCopy() throws Exception {
    byte[] original = resource("00000001-PHOTO-2019-06-20-16-00-15.jpg");
    CaptureDate date = dateOf("00000001-PHOTO-2019-06-20-16-00-15.jpg");
    byte[] full = rewrite(original, date);
    SentCopy copy = copyOf(original, date).orElseThrow();
    assertThat(copy.size()).isEqualTo(full.length);
    TestMedia.assertRandomReadsMatch(copy, full);
    int header = firstScan(full) + 2; // where the copy switches from new bytes to the original's
    for (long at : new long[] {0, 1, header - 2, header - 1, header, header + 1, full.length - 1}) {
      for (int len : new int[] {1, 2, 3, 4097}) {
        TestMedia.assertRangeMatches(copy, full, at, len);
      }
    }
    assertThat(copy.read(full.length + 5, new byte[4], 0, 4)).isEqualTo(-1);
  }

  @Test
  void iosExportPhotoGetsTheTimeFromItsName() throws Exception {
    byte[] original = resource("00000001-PHOTO-2019-06-20-16-00-15.jpg");
    byte[] sent = rewrite(original, dateOf("00000001-PHOTO-2019-06-20-16-00-15.jpg"));
    ExifSubIFDDirectory exif = metadata(sent).getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
        .isEqualTo("2019:06:20 16:00:15");
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL)).isEqualTo("+02:00");
  }

  @Test
  void existingExifTagsAreKeptAndTheDateAdded() throws Exception {
    byte[] original = resource("samsung-exif-no-date.jpg");
    CaptureDate date =
        new CaptureDate(
            Instant.parse("2016-09-12T08:05:31Z"),
            ZoneOffset.ofHours(-3),
            CaptureDate.Source.MTIME);
    Metadata before = metadata(original);
    Metadata after = metadata(rewrite(original, date));

    ExifIFD0Directory ifd0 = after.getFirstDirectoryOfType(ExifIFD0Directory.class);
    assertThat(ifd0.getString(ExifIFD0Directory.TAG_MAKE)).isEqualTo("samsung");
    assertThat(ifd0.getString(ExifIFD0Directory.TAG_MODEL)).isEqualTo("SM-G930F");
    assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
    assertThat(ifd0.getString(ExifIFD0Directory.TAG_DATETIME))
        .as("an existing DateTime stays")
        .isEqualTo("2016:09:12 10:05:31");
    assertThat(after.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation())
        .isEqualTo(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation());
    assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();
    ExifSubIFDDirectory exif = after.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
        .isEqualTo("2016:09:12 05:05:31");
    assertThat(exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL)).isEqualTo("-03:00");
    assertThat(exif.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH)).isEqualTo(4032);
  }

  @Test
  void aCameraDateIsLeftAlone() throws Exception {
    byte[] canon = resource("canon-40d.jpg");
    TestMedia.Content content = new TestMedia.Content(canon);
    assertThat(SentCopy.of(content, canon.length, "image/jpeg", dateOf("IMG-20231105-WA0012.jpg")))
        .isEmpty();
    assertThat(content.closed).as("the caller still owns the original").isZero();
  }

  @Test
  void truncatedOrCorruptJpegsGiveNoCopyAndNoException() throws Exception {
    CaptureDate date = dateOf("IMG-20231105-WA0012.jpg");
    byte[] whole = sample(WA_JPEG);
    assertThat(copyOf(Arrays.copyOf(whole, 100), date)).as("cut inside the header").isEmpty();
    assertThat(copyOf(new byte[0], date)).as("empty").isEmpty();
    assertThat(copyOf(resource("mspaint.png"), date)).as("a PNG called JPEG").isEmpty();
    TestMedia.Content shorter = new TestMedia.Content(Arrays.copyOf(whole, 300));
    assertThat(SentCopy.of(shorter, whole.length, "image/jpeg", date))
        .as("the file is shorter than its stat said")
        .isEmpty();
    // Cut or broken after a good header: any copy must still read back with the date.
    for (String name : new String[] {"truncated.jpg", "hopper-bad-exif.jpg", "tiny.jpg"}) {
      Optional<SentCopy> copy = copyOf(resource(name), date);
      copy.ifPresent(
          c -> {
            try {
              ExifSubIFDDirectory exif =
                  metadata(readAll(c)).getFirstDirectoryOfType(ExifSubIFDDirectory.class);
              assertThat(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
                  .as(name)
                  .isEqualTo("2023:11:05 12:00:00");
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          });
    }
  }

  @Test
  void closingTheCopyClosesTheOriginal() throws Exception {
    byte[] original = sample(WA_JPEG);
    TestMedia.Content content = new TestMedia.Content(original);
    SentCopy copy =
        SentCopy.of(content, original.length, "IMAGE/JPEG", dateOf("IMG-20231105-WA0012.jpg"))
            .orElseThrow();
    copy.close();
    assertThat(content.closed).isEqualTo(1);
  }
}
