package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.target.EmulatorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a Drive file is looked for by content before it is sent (one files.list each): only when the
 * database cannot know — a new or lost database, or an item tried before, whose answer may have
 * been lost. A database that stored in Drive before sends new files without asking.
 */
class DriveSearchTest {
  @TempDir Path dir;

  @Test
  void aKnownDatabaseSendsNewDriveFilesWithoutSearchingAndALostAnswerMakesNoSecondCopy()
      throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      RunSummary first = TestRuns.backup(local(emulator), UploadOptions.defaults(), media);
      assertThat(first.verdict()).isEqualTo(Verdict.DONE);
      int driveFiles = first.count(Outcome.UPLOADED) - photos(emulator);
      assertThat(emulator.inspector().requests("drive.files"))
          .as("a new database looks for each Drive file before sending it (and for its folders)")
          .isGreaterThanOrEqualTo(driveFiles);

      Path notes = Files.createDirectories(media.resolve("WhatsApp Voice Notes/202450"));
      Random random = new Random(11);
      for (int i = 0; i < 6; i++) {
        byte[] b = new byte[2000 + i];
        random.nextBytes(b);
        Files.write(notes.resolve("PTT-20241210-WA000" + i + ".opus"), b);
      }
      int searches = emulator.inspector().requests("drive.files");
      int uploads = emulator.inspector().requests("drive.upload");
      RunSummary second = TestRuns.backup(local(emulator), UploadOptions.defaults(), media);
      assertThat(second.verdict()).isEqualTo(Verdict.DONE);
      assertThat(second.count(Outcome.UPLOADED)).isEqualTo(6);
      assertThat(emulator.inspector().requests("drive.upload") - uploads).isEqualTo(6);
      assertThat(emulator.inspector().requests("drive.files") - searches)
          .as("no search per new file; at most the new folder's lookup and creation")
          .isLessThanOrEqualTo(2);

      // The first try of the next voice note is done but its answer lost: the retry looks first.
      emulator
          .inspector()
          .addFaults("[{\"route\":\"drive.upload\",\"times\":1,\"action\":\"loseAnswer\"}]");
      byte[] b = new byte[3000];
      random.nextBytes(b);
      Files.write(notes.resolve("PTT-20241211-WA0001.opus"), b);
      RunSummary third = TestRuns.backup(local(emulator), UploadOptions.defaults(), media);
      assertThat(third.verdict()).as(third.toString()).isEqualTo(Verdict.DONE);
      assertThat(RemoteContents.copies(dir.resolve("wa.db"), emulator.items()).values())
          .as("every content stored once, the lost answer's file too")
          .containsOnly(1);
    }
  }

  /** Runs through the emulator without the catalog in Drive (its own requests are not counted). */
  private app.wauploader.core.app.BackupEnvironment local(EmulatorFixture emulator) {
    return TestRuns.google(dir.resolve("wa.db"), emulator)
        .withCatalogs(app.wauploader.core.app.BackupEnvironment.Catalogs.NONE);
  }

  private static int photos(EmulatorFixture emulator) throws Exception {
    int n = 0;
    for (var e : emulator.items()) {
      n += e.getAsJsonObject().get("service").getAsString().equals("photos") ? 1 : 0;
    }
    return n;
  }
}
