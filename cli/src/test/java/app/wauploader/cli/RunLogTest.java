package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs of real processes: {@code upload} keeps one log per run under {@code
 * $XDG_STATE_HOME/wa-uploader/logs/} (0600), deleting the oldest beyond 20; a dry run keeps none;
 * {@code --log-file} takes its place; {@code -vv} adds the planning; a credential-shaped string in
 * a message is redacted.
 */
class RunLogTest {
  @TempDir Path dir;

  @Test
  void eachRunKeepsALogTheOldestAreDeletedADryRunKeepsNone() throws Exception {
    Path media = dir.resolve("Media");
    Path docs = Files.createDirectories(media.resolve("WhatsApp Documents"));
    Random random = new Random(3);
    for (int i = 0; i < 3; i++) {
      byte[] b = new byte[2000];
      random.nextBytes(b);
      Files.write(docs.resolve("DOC-2024010" + i + "-WA000" + i + ".pdf"), b);
    }
    Path logs = Files.createDirectories(dir.resolve("state/wa-uploader/logs"));
    for (int i = 0; i < 25; i++) {
      Files.writeString(
          logs.resolve(String.format("upload-202601%02dT120000Z-%d.log", i + 1, 100 + i)), "old");
    }
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emu")))) {
      Process dry = CliProcess.upload(dir, media, emulator.baseUri(), db, "--dry-run");
      String dryOut = CliProcess.finish(dry, 120);
      assertThat(dry.exitValue()).as(dryOut).isZero();
      assertThat(list(logs)).as("a dry run writes no log").hasSize(25);

      Process run = CliProcess.upload(dir, media, emulator.baseUri(), db, "-vv");
      String out = CliProcess.finish(run, 120);
      assertThat(run.exitValue()).as(out).isZero();
      assertThat(out).contains("DEBUG").contains("planned");

      List<Path> kept = list(logs);
      assertThat(kept).hasSize(20);
      assertThat(kept.get(0).getFileName().toString())
          .as("the oldest six are gone")
          .isEqualTo("upload-20260107T120000Z-106.log");
      Path newest = kept.get(kept.size() - 1);
      assertThat(newest.getFileName().toString())
          .matches("upload-\\d{8}T\\d{6}Z-" + run.pid() + "\\.log");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newest)))
          .isEqualTo("rw-------");
      String log = Files.readString(newest);
      assertThat(log)
          .contains("upload: 3 transfers")
          .contains("DOC-20240101-WA0001.pdf: uploaded")
          .contains("planned")
          .contains("session 1: uploaded 3")
          .contains("backup ended: DONE (3 files"); // core's own line, through slf4j-api

      Path own = dir.resolve("my.log");
      Process logged =
          CliProcess.upload(dir, media, emulator.baseUri(), db, "--log-file", own.toString());
      String loggedOut = CliProcess.finish(logged, 120);
      assertThat(logged.exitValue()).as(loggedOut).isZero();
      assertThat(Files.readString(own)).contains("unchanged").doesNotContain("DEBUG");
      assertThat(list(logs)).as("--log-file instead of a run log").hasSize(20).contains(newest);
    }
  }

  @Test
  void credentialShapedTextIsRedacted() throws Exception {
    Path own = dir.resolve("redact.log");
    app.wauploader.cli.log.LogOptions options = new app.wauploader.cli.log.LogOptions();
    picocli.CommandLine cli = new picocli.CommandLine(options);
    cli.parseArgs("--log-file", own.toString());
    app.wauploader.cli.log.Logging.configure(options);
    org.slf4j.LoggerFactory.getLogger("test")
        .warn(
            "refresh failed for ya29.a0AfB_secretToken and 1//0gRefreshSecret with"
                + " GOCSPX-clientSecret; Authorization: Bearer abc.def-ghi");
    app.wauploader.cli.log.Logging.configure(new app.wauploader.cli.log.LogOptions());
    String log = Files.readString(own);
    assertThat(log).contains("refresh failed for [redacted]");
    for (String secret :
        List.of("a0AfB_secretToken", "0gRefreshSecret", "clientSecret", "abc.def-ghi")) {
      assertThat(log).doesNotContain(secret);
    }
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
