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

  @Test
  void driveFilesGetTheDateAsTheirTimesAndKeepTheirOwnBytes() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Path doc = media.resolve("WhatsApp Documents/DOC-20231201-WA0009.pdf");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = TestRuns.google(dir.resolve("wa.db"), emulator);
      TestRuns.backup(env, UploadOptions.defaults(), media);
      JsonObject file = driveItem(emulator, "DOC-20231201-WA0009.pdf");
      assertThat(day(file.get("createdTime").getAsString())).isEqualTo(LocalDate.of(2023, 12, 1));
      assertThat(day(file.get("modifiedTime").getAsString())).isEqualTo(LocalDate.of(2023, 12, 1));
      assertThat(file.get("sha256").getAsString()).isEqualTo(SampleTree.sha256(doc));
    }
  }

  @Test
  void aResumedDatedCopyKeepsTheDateItBeganWithAndIsSentOnce() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Path video = media.resolve("WhatsApp Video/VID-20240214-WA0008.mp4");
    UploadOptions small = UploadOptions.defaults().withChunkBytes(256 * 1024).withTransfers(1);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      Path db = dir.resolve("wa.db");
      TestRuns.backup(
          TestRuns.env(
              db,
              (d, h) -> {
                var targets = new java.util.HashMap<>(GoogleTargets.create(emulator.http(), d));
                targets.put(
                    app.wauploader.domain.Service.PHOTOS,
                    new StopAfterFirstChunk(targets.get(app.wauploader.domain.Service.PHOTOS)));
                return targets;
              },
              java.time.Clock.systemUTC()),
          small,
          media);
      long afterFirst = emulator.bytesReceived();
      // Restarted with dates turned off: the open transfer still sends the copy it began with.
      RunSummary resumed =
          TestRuns.backup(TestRuns.google(db, emulator), small.withRestoreDates(false), media);
      assertThat(resumed.verdict()).as(resumed.toString()).isEqualTo(Verdict.DONE);
      JsonObject item = item(emulator, "VID-20240214-WA0008.mp4");
      assertThat(creationDay(item)).isEqualTo(LocalDate.of(2024, 2, 14));
      try (app.wauploader.db.Database open = app.wauploader.db.Database.open(db)) {
        assertThat(RemoteContents.localSha256(open, item)).isEqualTo(SampleTree.sha256(video));
        assertThat(
                open.read(tx -> tx.fileHashes().find(SampleTree.sha256(video)))
                    .orElseThrow()
                    .sentSha256())
            .contains(item.get("sha256").getAsString());
      }
      assertThat(emulator.bytesReceived() - afterFirst)
          .as("the resumed run did not send the first chunk again")
          .isLessThan(RemoteContents.storedBytes(emulator.items()));
    }
  }

  @Test
  void chunksFollowTheGranularityPhotosAsksFor() throws Exception {
    Path media = SampleTree.copyTo(dir);
    int granularity = 512 * 1024;
    try (EmulatorFixture emulator =
        new EmulatorFixture(
            app.wauploader.emulator.EmulatorConfig.defaults(dir.resolve("emulator"))
                .withPhotosChunkGranularity(granularity))) {
      // 256 KiB chunks would be refused; the session's 512 KiB granularity is used instead.
      UploadOptions small = UploadOptions.defaults().withChunkBytes(256 * 1024).withTransfers(1);
      RunSummary run =
          TestRuns.backup(TestRuns.google(dir.resolve("wa.db"), emulator), small, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(run.count(Outcome.FAILED)).isZero();
      try (app.wauploader.db.Database open =
          app.wauploader.db.Database.open(dir.resolve("wa.db"))) {
        var video =
            open.read(
                    tx ->
                        tx.items()
                            .findByKey(
                                "fs:" + media.resolve("WhatsApp Video/VID-20240214-WA0008.mp4")))
                .orElseThrow();
        assertThat(
                open.read(tx -> tx.transfers().find(video.id())).orElseThrow().chunkGranularity())
            .isEqualTo(granularity);
      }
    }
  }

  private static JsonObject driveItem(EmulatorFixture emulator, String name) throws Exception {
    for (JsonElement e : emulator.items()) {
      JsonObject item = e.getAsJsonObject();
      if (item.get("service").getAsString().equals("drive")
          && item.get("name").getAsString().equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no Drive file named " + name);
  }

  private static LocalDate day(String rfc3339) {
    return OffsetDateTime.parse(rfc3339).atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
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
