package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db restore --from-google} and {@code devices}: the catalog in Drive, as a user sees it.
 */
class GoogleCatalogCommandsTest {
  @TempDir Path dir;
  private GoogleEmulator emulator;
  private Path media;

  @BeforeEach
  void setUp() throws IOException {
    emulator = GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")));
    media = UploadCommandTest.copySamples(dir);
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  private CliRun upload(Path db) {
    return CliRun.of(
        "upload",
        "--source",
        media.toString(),
        "--endpoint",
        emulator.baseUri().toString(),
        "--db",
        db.toString(),
        "--no-progress");
  }

  private CliRun restore(Path db, String... more) {
    String[] base = {
      "db",
      "restore",
      "--from-google",
      "--endpoint",
      emulator.baseUri().toString(),
      "--db",
      db.toString()
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  private long bytesReceived() throws IOException {
    return new EmulatorInspector(emulator.baseUri()).bytesReceived();
  }

  @Test
  void afterLosingTheDatabaseRestoreFromGoogleMakesTheNextUploadSendNothing() throws Exception {
    Path lost = dir.resolve("old-phone/wa.db");
    CliRun first = upload(lost);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("saved the catalog in Google Drive: ");
    long received = bytesReceived();
    CliRun same = restore(lost);
    assertThat(same.exitCode())
        .as("a database that is not lost merges its own: " + same.err())
        .isZero();
    assertThat(same.out()).contains("(0 new here)");
    try (Stream<Path> files = Files.walk(dir.resolve("old-phone"))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }

    Path fresh = dir.resolve("new-phone/wa.db");
    CliRun restored = restore(fresh);
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(restored.out())
        .containsPattern(
            "restored the catalog saved by .+ on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: \\d+"
                + " contents");

    CliRun again = upload(fresh);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("uploaded 0,").contains("0.00 MiB sent");
    assertThat(bytesReceived()).isEqualTo(received);

    CliRun devices =
        CliRun.of("devices", "--endpoint", emulator.baseUri().toString(), "--db", fresh.toString());
    assertThat(devices.exitCode()).as(devices.err()).isZero();
    assertThat(devices.out()).startsWith("DEVICE").contains("(this one)");
    assertThat(devices.out().lines().count())
        .as("the lost database's device and this one")
        .isEqualTo(3);
  }

  @Test
  void withNoCatalogInDriveRestoreSaysSoAndExits8() {
    CliRun none = restore(dir.resolve("wa.db"));
    assertThat(none.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(none.err()).contains("no catalog in your Google Drive yet");
  }

  @Test
  void aBackupNumberAndFromGoogleDoNotGoTogether() {
    CliRun both = restore(dir.resolve("wa.db"), "1");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(both.err()).contains("--from-google takes no backup number");
  }

  @Test
  void devicesWithoutAnyCatalogSaysSo() {
    CliRun devices =
        CliRun.of(
            "devices",
            "--endpoint",
            emulator.baseUri().toString(),
            "--db",
            dir.resolve("wa.db").toString());
    assertThat(devices.exitCode()).as(devices.err()).isZero();
    assertThat(devices.out()).contains("no device has saved a catalog in your Google Drive yet");
  }
}
