package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.target.Target;
import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listed files are planned in batches ({@link PlanBatches}): the files the scan cache knows in one
 * transaction per batch, the others read one by one. Several batches, partly known, must come out
 * as if planned file by file.
 */
class BatchedPlanningTest {
  private static final int FILES = 3 * PlanBatches.SIZE + 17;

  @TempDir Path dir;
  private final InMemoryTarget photos = new InMemoryTarget(Service.PHOTOS);
  private final InMemoryTarget drive = new InMemoryTarget(Service.DRIVE);

  @Test
  void aReRunOfSeveralBatchesSendsNothingAndOnlyChangedOrNewFilesAreReadAgain() throws Exception {
    Path media = dir.resolve("Media");
    Path notes = Files.createDirectories(media.resolve("WhatsApp Voice Notes/202401"));
    Random random = new Random(5);
    for (int i = 0; i < FILES; i++) {
      write(notes.resolve(String.format("PTT-20240101-WA%04d.opus", i)), random);
    }
    RunSummary first = run(media);
    assertThat(first.verdict()).as(first.toString()).isEqualTo(Verdict.DONE);
    assertThat(first.count(Outcome.UPLOADED)).isEqualTo(FILES);

    RunSummary again = run(media);
    assertThat(again.verdict()).isEqualTo(Verdict.DONE);
    assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(FILES);
    assertThat(again.bytesSent()).isZero();

    // In every batch something changes: new content under an old name, a new file, a touched one.
    int changed = 0;
    for (int i = 0; i + 1 < FILES; i += 50, changed++) {
      write(notes.resolve(String.format("PTT-20240101-WA%04d.opus", i)), random);
      Files.setLastModifiedTime(
          notes.resolve(String.format("PTT-20240101-WA%04d.opus", i + 1)),
          FileTime.fromMillis(1_700_000_000_000L + i));
    }
    for (int i = 0; i < 20; i++) {
      write(notes.resolve(String.format("PTT-20240202-WA%04d.opus", i)), random);
    }
    RunSummary third = run(media);
    assertThat(third.verdict()).as(third.toString()).isEqualTo(Verdict.DONE);
    assertThat(third.count(Outcome.UPLOADED)).isEqualTo(changed + 20);
    assertThat(third.count(Outcome.UNCHANGED)).isEqualTo(FILES - changed);
    assertThat(third.files()).isEqualTo(FILES + 20);
    assertThat(drive.items()).hasSize(FILES + changed + 20);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThat(db.<Long>read(tx -> tx.fileHashes().count())).isEqualTo(FILES + changed + 20L);
      var session =
          db.read(tx -> tx.sessions().find(third.sessionId().orElseThrow())).orElseThrow();
      assertThat(session.processedFiles()).isEqualTo(FILES + 20);
    }
  }

  private RunSummary run(Path media) throws Exception {
    Map<Service, Target> targets = Map.of(Service.PHOTOS, photos, Service.DRIVE, drive);
    return TestRuns.backup(dir.resolve("wa.db"), targets, UploadOptions.defaults(), media);
  }

  private static void write(Path file, Random random) throws Exception {
    byte[] bytes = new byte[300 + random.nextInt(200)];
    random.nextBytes(bytes);
    Files.write(file, bytes);
  }
}
