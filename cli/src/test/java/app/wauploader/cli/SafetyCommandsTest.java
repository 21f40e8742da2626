package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db} commands, quota pause and {@code resume}, as a user runs them. */
class SafetyCommandsTest {
  static final String DAILY_QUOTA =
      "Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service"
          + " 'photoslibrary.googleapis.com' for consumer 'project_number:1'.";

  @TempDir Path dir;

  @Test
  void aCorruptedDatabaseIsRefusedRestoredFromItsBackupAndNothingItRecordedIsSentAgain()
      throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emu")))) {
      String endpoint = emulator.baseUri().toString();
      EmulatorInspector inspector = new EmulatorInspector(emulator.baseUri());
      assertThat(upload(media, endpoint, db).exitCode()).isZero();
      CliRun backup = CliRun.of("db", "backup", "--db", db.toString());
      assertThat(backup.exitCode()).isZero();
      assertThat(backup.out()).contains("backed up to");
      long afterFirst = inspector.bytesReceived();

      // Work after the backup: filler rows so the damage lands in used pages.
      CliRun stats = CliRun.of("db", "stats", "--db", db.toString());
      assertThat(stats.out()).contains("upload_items").contains("file_hashes").contains("WAL");
      try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
        raf.seek(4096);
        raf.write("this is not a b-tree page any more ".repeat(400).getBytes());
      }
      CliRun refused = upload(media, endpoint, db);
      assertThat(refused.exitCode()).isEqualTo(ExitCode.DATABASE.code());
      assertThat(refused.err()).contains("corrupt").contains("db restore");
      assertThat(refused.err().lines()).hasSize(1);

      CliRun restore = CliRun.of("db", "restore", "--db", db.toString());
      assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
      CliRun check = CliRun.of("db", "check", "--db", db.toString());
      assertThat(check.exitCode()).isZero();

      CliRun again = upload(media, endpoint, db);
      assertThat(again.exitCode()).isZero();
      assertThat(again.out()).contains("uploaded 0,");
      assertThat(inspector.bytesReceived()).isEqualTo(afterFirst);
      assertThat(CliRun.of("db", "vacuum", "--db", db.toString()).exitCode()).isZero();
    }
  }

  @Test
  void aUsedUpPhotosQuotaPausesPhotosWithAResumeTimeWhileDriveGoesOn() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path faults =
        Files.writeString(
            dir.resolve("faults.json"),
            "[{\"route\":\"photos.upload\",\"status\":429,\"times\":1000,\"message\":\""
                + DAILY_QUOTA
                + "\"}]");
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emu")).withFaultsFile(faults))) {
      String endpoint = emulator.baseUri().toString();
      CliRun run = upload(media, endpoint, db);
      assertThat(run.exitCode()).isEqualTo(ExitCode.QUOTA_PAUSED.code());
      assertThat(run.err())
          .containsPattern(
              "photos paused until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+ \\(daily quota\\)")
          .contains("wa-uploader resume");
      assertThat(new EmulatorInspector(emulator.baseUri()).items())
          .allSatisfy(
              i -> assertThat(i.getAsJsonObject().get("service").getAsString()).isEqualTo("drive"))
          .isNotEmpty();
      CliRun status = CliRun.of("status", "--db", db.toString());
      assertThat(status.out()).contains("paused");
      CliRun errors = CliRun.of("errors", "--db", db.toString());
      assertThat(errors.out()).contains("daily_quota").contains("what to do:");

      // Before the reset, resume leaves the Photos files waiting and says so.
      CliRun early =
          CliRun.of("resume", "--endpoint", endpoint, "--db", db.toString(), "--no-progress");
      assertThat(early.exitCode())
          .as(early.out() + early.err())
          .isEqualTo(ExitCode.QUOTA_PAUSED.code());
      assertThat(early.err()).contains("photos paused until").contains("files wait");
    }
  }

  @Test
  void resumeFinishesAnInterruptedSessionWithoutScanning() throws Exception {
    Path media = dir.resolve("Media/WhatsApp Documents");
    Files.createDirectories(media);
    byte[] big = new byte[3 * 1024 * 1024];
    new Random(5).nextBytes(big);
    Files.write(media.resolve("DOC-20240101-WA0001.bin"), big);
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emu")).withBandwidth(1024 * 1024))) {
      URI endpoint = emulator.baseUri();
      EmulatorInspector inspector = new EmulatorInspector(endpoint);
      Process p = CliProcess.upload(dir, dir.resolve("Media"), endpoint, db, "--chunk-size", "0.5");
      assertThat(CliProcess.awaitBytes(p, inspector, 1024 * 1024, Duration.ofSeconds(60))).isTrue();
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      CliRun resume =
          CliRun.of(
              "resume", "--endpoint", endpoint.toString(), "--db", db.toString(), "--no-progress");
      assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
      assertThat(resume.out()).contains("session 1:").contains("uploaded 1,");
      assertThat(inspector.items()).hasSize(1);
      assertThat(inspector.bytesReceived()).isLessThanOrEqualTo(big.length + 512 * 1024);
      CliRun status = CliRun.of("status", "--db", db.toString());
      assertThat(status.out()).contains("completed");
    }
  }

  @Test
  void ctrlCOrSigtermMarksTheSessionInterruptedAndReleasesItsLocks() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("Media/WhatsApp Documents"));
    for (int i = 0; i < 3; i++) {
      byte[] big = new byte[1024 * 1024];
      new Random(i).nextBytes(big);
      Files.write(docs.resolve("DOC-2024010" + i + "-WA000" + i + ".bin"), big);
    }
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emu")).withBandwidth(512 * 1024))) {
      EmulatorInspector inspector = new EmulatorInspector(emulator.baseUri());
      Process p =
          CliProcess.upload(
              dir, dir.resolve("Media"), emulator.baseUri(), db, "--chunk-size", "0.25");
      assertThat(CliProcess.awaitBytes(p, inspector, 300_000, Duration.ofSeconds(60))).isTrue();
      CliRun restoreWhileRunning = CliRun.of("db", "restore", "--db", db.toString());
      assertThat(restoreWhileRunning.exitCode()).isEqualTo(ExitCode.LOCKED.code());
      assertThat(restoreWhileRunning.err()).contains("is running");
      CliProcess.terminate(p);
      String output = CliProcess.finish(p, 30);
      assertThat(output).contains("interrupted; nothing is lost");

      CliRun status = CliRun.of("status", "--db", db.toString());
      assertThat(status.out()).contains("interrupted");
      try (app.wauploader.db.Database database = app.wauploader.db.Database.open(db)) {
        assertThat(database.<Long>inTransaction(tx -> tx.itemLocks().lockedCount())).isZero();
        assertThat(
                database.<java.util.List<app.wauploader.db.UploadSession>>inTransaction(
                    tx -> tx.sessions().running()))
            .isEmpty();
      }
      CliRun resume =
          CliRun.of(
              "resume",
              "--endpoint",
              emulator.baseUri().toString(),
              "--db",
              db.toString(),
              "--no-progress");
      assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
      assertThat(inspector.items()).hasSize(3);
    }
  }

  private static CliRun upload(Path media, String endpoint, Path db) {
    return CliRun.upload(media, endpoint, db);
  }
}
