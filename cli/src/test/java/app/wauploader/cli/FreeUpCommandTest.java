package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code free-up} as a user runs it: a dry run, then --apply, then --log; mistakes exit 2. */
class FreeUpCommandTest {
  @TempDir Path dir;

  @Test
  void aDryRunListsThenApplyDeletesAndTheLogShowsWhat() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    List<Path> files = files(media);
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(60)));
    for (Path f : files) {
      Files.setLastModifiedTime(f, old);
    }
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")))) {
      String endpoint = emulator.baseUri().toString();
      assertThat(CliRun.upload(media, endpoint, db).exitCode()).isZero();

      CliRun dry = CliRun.of("free-up", "--endpoint", endpoint, "--db", db.toString());
      assertThat(dry.exitCode()).as(dry.err()).isZero();
      assertThat(dry.out())
          .contains("would free ")
          .containsPattern("would free \\d+ files, \\d+\\.\\d MiB; kept 0 \\(dry run: add --apply");
      assertThat(files).allMatch(Files::exists);

      CliRun applied =
          CliRun.of("free-up", "--apply", "--endpoint", endpoint, "--db", db.toString());
      assertThat(applied.exitCode()).as(applied.err()).isZero();
      assertThat(applied.out()).containsPattern("(?m)^freed \\d+ files");
      long left = files.stream().filter(Files::exists).count();
      assertThat(left).as("only what was never backed up is left").isLessThan(files.size());

      CliRun log = CliRun.of("free-up", "--log", "--db", db.toString());
      assertThat(log.exitCode()).isZero();
      assertThat(log.out()).contains("files freed").contains("IMG-");

      CliRun bad =
          CliRun.of(
              "free-up", "--older-than", "soon", "--endpoint", endpoint, "--db", db.toString());
      assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
      assertThat(bad.err()).contains("--older-than");
    }
  }

  @Test
  void googleOutOfReachKeepsEverythingAndSaysSo() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    List<Path> files = files(media);
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")))) {
      assertThat(CliRun.upload(media, emulator.baseUri().toString(), db).exitCode()).isZero();
    }
    CliRun run =
        CliRun.of(
            "free-up",
            "--apply",
            "--older-than",
            "0d",
            "--endpoint",
            "http://127.0.0.1:1",
            "--db",
            db.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FREED.code());
    assertThat(run.out()).contains("NOT CONFIRMED");
    assertThat(files).allMatch(Files::exists);
  }

  private static List<Path> files(Path media) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(media)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
