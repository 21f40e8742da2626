package app.wauploader.core.dates;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.dates.CaptureDate.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which date a WhatsApp file gets: chat message, then name, then mtime. */
class CaptureDatesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Clock NOW = Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), BERLIN);
  private static final long MTIME = Instant.parse("2024-02-20T08:30:00Z").toEpochMilli();

  private static CaptureDate of(String name) {
    return CaptureDates.of(name, Optional.empty(), MTIME, BERLIN, NOW);
  }

  @Test
  void androidNameIsNoonLocalOnThatDay() {
    CaptureDate d = of("IMG-20231105-WA0004.jpg");
    assertThat(d.source()).isEqualTo(Source.FILE_NAME);
    assertThat(d.localDateTime()).isEqualTo(LocalDateTime.of(2023, 11, 5, 12, 0));
    assertThat(d.offset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(d.when()).isEqualTo(Instant.parse("2023-11-05T11:00:00Z"));
  }

  @Test
  void everyAndroidKindAndSuffixIsRead() {
    for (String name :
        new String[] {
          "VID-20230704-WA0001.mp4",
          "PTT-20230704-WA0243.opus",
          "AUD-20230704-WA0000.",
          "DOC-20230704-WA0010.pdf",
          "STK-20230704-WA0038.webp",
          "IMG-20230704-WA0001 (1).jpg"
        }) {
      CaptureDate d = of(name);
      assertThat(d.source()).as(name).isEqualTo(Source.FILE_NAME);
      assertThat(d.localDateTime()).as(name).isEqualTo(LocalDateTime.of(2023, 7, 4, 12, 0));
      assertThat(d.offset()).as(name + " (summer time)").isEqualTo(ZoneOffset.ofHours(2));
    }
  }

  @Test
  void iosExportNameHasTheTimeToTheSecond() {
    CaptureDate d = of("00000001-PHOTO-2019-06-20-16-00-15.jpg");
    assertThat(d.source()).isEqualTo(Source.FILE_NAME);
    assertThat(d.localDateTime()).isEqualTo(LocalDateTime.of(2019, 6, 20, 16, 0, 15));
    assertThat(d.when()).isEqualTo(Instant.parse("2019-06-20T14:00:15Z"));
    assertThat(of("00000013-AUDIO-2020-11-02-21-50-21.opus").localDateTime())
        .isEqualTo(LocalDateTime.of(2020, 11, 2, 21, 50, 21));
    assertThat(of("00000002-VIDEO-2019-06-20-16-01-42.mp4").source()).isEqualTo(Source.FILE_NAME);
  }

  @Test
  void olderIosExportNameIsADate() {
    CaptureDate d = of("2017-02-03-PHOTO-00000067.jpg");
    assertThat(d.source()).isEqualTo(Source.FILE_NAME);
    assertThat(d.localDateTime()).isEqualTo(LocalDateTime.of(2017, 2, 3, 12, 0));
  }

  @Test
  void impossibleDatesFallBackToTheMtime() {
    for (String name :
        new String[] {
          "IMG-20231305-WA0004.jpg", // month 13
          "IMG-20230230-WA0004.jpg", // 30 February
          "IMG-20081231-WA0004.jpg", // before WhatsApp
          "IMG-20240302-WA0004.jpg", // tomorrow (today is 2024-03-01)
          "00000001-PHOTO-2019-06-20-24-00-15.jpg", // hour 24
          "00000001-PHOTO-2024-03-01-11-00-01.jpg", // today, one second after now (11:00 local)
          "IMG-2023115-WA0004.jpg", // 7 digits
          "Screenshot_20231105-101010.jpg", // not WhatsApp's
          "3A4B5C6D7E.jpg"
        }) {
      CaptureDate d = of(name);
      assertThat(d.source()).as(name).isEqualTo(Source.MTIME);
      assertThat(d.when()).as(name).isEqualTo(Instant.ofEpochMilli(MTIME));
      assertThat(d.offset()).as(name).isEqualTo(ZoneOffset.ofHours(1));
    }
  }

  @Test
  void todayAndNowAreNotTheFuture() {
    assertThat(of("IMG-20240301-WA0001.jpg").source()).isEqualTo(Source.FILE_NAME);
    assertThat(of("00000001-PHOTO-2024-03-01-11-00-00.jpg").source()).isEqualTo(Source.FILE_NAME);
  }

  @Test
  void chatMessageTimeWinsOverNameAndMtime() {
    Instant sent = Instant.parse("2023-11-04T22:15:00Z");
    CaptureDate d =
        CaptureDates.of("IMG-20231105-WA0004.jpg", Optional.of(sent), MTIME, BERLIN, NOW);
    assertThat(d.source()).isEqualTo(Source.CHAT_MESSAGE);
    assertThat(d.when()).isEqualTo(sent);
    assertThat(d.localDateTime()).isEqualTo(LocalDateTime.of(2023, 11, 4, 23, 15));
  }
}
