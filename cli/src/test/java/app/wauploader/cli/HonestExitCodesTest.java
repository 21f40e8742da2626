package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes a user can trust, and wrong input refused before anything runs. */
class HonestExitCodesTest {
  @TempDir Path dir;

  @Test
  void anEmptySourceAndAMalformedEndpointAreUsageErrorsAndNothingIsWritten() throws Exception {
    Path db = dir.resolve("data/wa.db");
    CliRun empty =
        CliRun.of(
            "upload", "--source", "", "--db", db.toString(), "--endpoint", "http://127.0.0.1:9");
    assertThat(empty.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(empty.err()).contains("--source");
    for (String bad : List.of("127.0.0.1:4000", "ftp://127.0.0.1/", "http://", "http://x y/")) {
      CliRun run =
          CliRun.of("upload", "--source", dir.toString(), "--db", db.toString(), "--endpoint", bad);
      assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err()).contains("--endpoint");
    }
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void aDryRunPrintsALinePerFileWritesNothingAndExitsZero() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path data = dir.resolve("data");
    CliRun dry =
        CliRun.of(
            "upload",
            "--source",
            media.toString(),
            "--db",
            data.resolve("wa.db").toString(),
            "--dry-run",
            "--no-progress");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains(
            "WhatsApp Images/IMG-20240214-WA0003.jpg: upload to Google Photos album \"WhatsApp Images\" as IMG-20240214-WA0003.jpg")
        .contains(": upload to Google Drive folder WhatsApp/WhatsApp Documents/")
        .contains(": duplicate of ")
        .contains("dry run: would upload");
    assertThat(data).doesNotExist();
  }

  @Test
  void resumeBeforeTheQuotaResetSaysUntilWhenExits4AndChangesNothing() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path faults =
        Files.writeString(
            dir.resolve("faults.json"),
            "[{\"route\":\"photos.upload\",\"status\":429,\"times\":1000,\"message\":\""
                + SafetyCommandsTest.DAILY_QUOTA
                + "\"}]");
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emu")).withFaultsFile(faults))) {
      String endpoint = emulator.baseUri().toString();
      CliRun run = CliRun.upload(media, endpoint, db);
      assertThat(run.exitCode()).isEqualTo(ExitCode.QUOTA_PAUSED.code());
      String statusBefore = CliRun.of("status", "--db", db.toString()).out();
      assertThat(statusBefore)
          .contains("paused")
          .containsPattern("waiting: \\d+ photos files until");

      CliRun early =
          CliRun.of("resume", "--endpoint", endpoint, "--db", db.toString(), "--no-progress");
      assertThat(early.exitCode())
          .as(early.out() + early.err())
          .isEqualTo(ExitCode.QUOTA_PAUSED.code());
      assertThat(early.err())
          .containsPattern(
              "photos paused until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+ \\(daily quota\\); \\d+ files wait");
      assertThat(CliRun.of("status", "--db", db.toString()).out()).isEqualTo(statusBefore);

      new EmulatorInspector(emulator.baseUri()).clearFaults();
      CliRun now =
          CliRun.of(
              "resume", "--now", "--endpoint", endpoint, "--db", db.toString(), "--no-progress");
      assertThat(now.exitCode()).as(now.out() + now.err()).isZero();
      CliRun again = CliRun.upload(media, endpoint, db);
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("uploaded 0,");
    }
  }

  @Test
  void serverErrorsForeverEndWithRetryLaterAndANamedTime() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path faults =
        Files.writeString(
            dir.resolve("faults.json"), "[{\"route\":\"*\",\"status\":503,\"times\":100000}]");
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emu")).withFaultsFile(faults))) {
      CliRun run = CliRun.upload(media, emulator.baseUri().toString(), db, "--backoff", "0.05,0.1");
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.RETRY_LATER.code());
      assertThat(CliRun.of("status", "--db", db.toString()).out())
          .doesNotContain("completed")
          .contains("errors recorded: ");
    }
  }

  @Test
  void theVersionIsTheBuildsNotDev() {
    CliRun version = CliRun.of("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).doesNotContain("dev").containsPattern("wa-uploader \\d+\\.\\d+");
  }

  @SuppressWarnings("unused")
  private static List<String> names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }
}
