package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.target.EmulatorFixture;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos land on the day they were taken (files without a twin in the sample tree, so the item
 * carries their name): the date from the file name is written into the copy sent to Photos, which
 * (like Google) reads it back as the item's creation time; the local file, Drive's copies and dedup
 * are untouched.
 */
class CaptureDatesBackupTest {
  @TempDir Path dir;

  @Test
  void photosAndVideosGetTheDayOfTheirName() throws Exception {
    Path media = SampleTree.copyTo(dir);
    String photoSha = SampleTree.sha256(media.resolve("WhatsApp Images/IMG-20231224-WA0001.jpg"));
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = TestRuns.google(dir.resolve("wa.db"), emulator);
      UploadOptions dated = UploadOptions.defaults().withRestoreDates(true);
      RunSummary run = TestRuns.backup(env, dated, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(creationDay(item(emulator, "IMG-20231224-WA0001.jpg")))
          .isEqualTo(LocalDate.of(2023, 12, 24));
      assertThat(creationDay(item(emulator, "VID-20240214-WA0008.mp4")))
          .isEqualTo(LocalDate.of(2024, 2, 14));
      assertThat(SampleTree.sha256(media.resolve("WhatsApp Images/IMG-20231224-WA0001.jpg")))
          .as("the local file is never changed")
          .isEqualTo(photoSha);
      RunSummary again = TestRuns.backup(env, dated, media);
      assertThat(again.bytesSent()).isZero();
    }
  }

  @Test
  void withoutRestoringDatesTheFilesAreSentAsTheyAre() throws Exception {
    Path media = SampleTree.copyTo(dir);
    String photoSha = SampleTree.sha256(media.resolve("WhatsApp Images/IMG-20231224-WA0001.jpg"));
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = TestRuns.google(dir.resolve("wa.db"), emulator);
      TestRuns.backup(env, UploadOptions.defaults().withRestoreDates(false), media);
      JsonObject photo = item(emulator, "IMG-20231224-WA0001.jpg");
      assertThat(creationDay(photo)).isNotEqualTo(LocalDate.of(2023, 12, 24));
      assertThat(photo.get("sha256").getAsString()).isEqualTo(photoSha);
    }
  }

  /** The Photos item named {@code name}. */
  private static JsonObject item(EmulatorFixture emulator, String name) throws Exception {
    for (JsonElement e : emulator.items()) {
      JsonObject item = e.getAsJsonObject();
      if (item.get("service").getAsString().equals("photos")
          && item.get("name").getAsString().equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no Photos item named " + name);
  }

  private static LocalDate creationDay(JsonObject item) {
    return OffsetDateTime.parse(item.get("creationTime").getAsString())
        .atZoneSameInstant(ZoneId.systemDefault())
        .toLocalDate();
  }
}
