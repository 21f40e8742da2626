package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCommandTest {
  @TempDir Path dir;
  private GoogleEmulator emulator;
  private Path media;
  private Path db;

  @BeforeEach
  void setUp() throws IOException {
    emulator = GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")));
    media = copySamples(dir);
    db = dir.resolve("wa.db");
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void uploadsThenSendsNothingTheSecondTime() throws Exception {
    CliRun first = upload();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("uploaded \\d+, duplicates [1-9]");
    long received = bytesReceived();
    assertThat(received).isPositive();

    CliRun second = upload();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("uploaded 0,").contains("0.00 MiB sent");
    assertThat(bytesReceived()).isEqualTo(received);

    CliRun status = CliRun.of("status", "--db", db.toString());
    assertThat(status.exitCode()).isZero();
    assertThat(status.out()).contains("completed").contains("committed=");
    CliRun errors = CliRun.of("errors", "--db", db.toString());
    assertThat(errors.out()).contains("no errors recorded");
  }

  @Test
  void aDryRunSendsNothing() throws Exception {
    CliRun dry =
        CliRun.of(
            "upload",
            "--source",
            media.toString(),
            "--endpoint",
            emulator.baseUri().toString(),
            "--db",
            db.toString(),
            "--dry-run",
            "--no-progress");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("dry run: would upload");
    assertThat(bytesReceived()).isZero();
  }

  @Test
  void withoutSignInTheRealEndpointsAreNotTried() {
    CliRun run = CliRun.of("upload", "--source", media.toString(), "--db", db.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN.code());
    assertThat(run.err()).startsWith("wa-uploader: not signed in").contains("auth login");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void withoutSourceTheStandardWhatsAppFoldersUnderTermuxStorageAreUsed() throws Exception {
    Path home = dir.resolve("home");
    String previous = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      CliRun none =
          CliRun.of("upload", "--endpoint", emulator.baseUri().toString(), "--db", db.toString());
      assertThat(none.exitCode()).isEqualTo(ExitCode.INPUT.code());
      assertThat(none.err())
          .contains("no WhatsApp media folder found")
          .contains("termux-setup-storage");

      Path scoped = home.resolve("storage/shared/Android/media/com.whatsapp/WhatsApp");
      Files.createDirectories(scoped);
      Files.move(media, scoped.resolve("Media"));
      CliRun found =
          CliRun.of(
              "upload",
              "--endpoint",
              emulator.baseUri().toString(),
              "--db",
              db.toString(),
              "--no-progress");
      assertThat(found.exitCode()).as(found.err()).isZero();
      assertThat(found.out()).containsPattern("uploaded [1-9]");
    } finally {
      System.setProperty("user.home", previous);
    }
  }

  @Test
  void aMissingSourceIsAnInputError() {
    CliRun run =
        CliRun.of(
            "upload",
            "--source",
            dir.resolve("nope").toString(),
            "--endpoint",
            emulator.baseUri().toString(),
            "--db",
            db.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("nope").contains("not found");
  }

  @Test
  void aCorruptDatabaseIsADatabaseError() throws IOException {
    Files.write(db, new byte[8192]);
    Files.writeString(db, "garbage garbage garbage");
    CliRun run = upload();
    assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE.code());
    assertThat(run.err()).contains("corrupt").doesNotContain("Exception");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(
            CliRun.of(
                    "upload",
                    "--transfers",
                    "0",
                    "--endpoint",
                    emulator.baseUri().toString(),
                    "--source",
                    media.toString(),
                    "--db",
                    db.toString())
                .exitCode())
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(CliRun.of("upload", "--no-such-option").exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun help = CliRun.of("upload", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Exit codes:").contains("QUOTA_PAUSED").contains("--endpoint");
  }

  @Test
  void byDefaultAPhotoLandsOnTheDayOfItsNameAndNoRestoreDatesSendsItAsItIs() throws Exception {
    CliRun run = CliRun.upload(media, emulator.baseUri().toString(), db);
    assertThat(run.exitCode()).as(run.err()).isZero();
    String photo = "WhatsApp Images/IMG-20231224-WA0001.jpg"; // has no twin in the sample tree
    JsonObject dated = photosItem(emulator.baseUri(), "IMG-20231224-WA0001.jpg");
    assertThat(localDay(dated)).isEqualTo(java.time.LocalDate.of(2023, 12, 24));
    assertThat(dated.get("sha256").getAsString())
        .as("a dated copy was sent")
        .isNotEqualTo(CliRun.sha256(media.resolve(photo)));

    try (GoogleEmulator other =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator-2")))) {
      CliRun plain =
          CliRun.upload(
              media, other.baseUri().toString(), dir.resolve("other.db"), "--no-restore-dates");
      assertThat(plain.exitCode()).as(plain.err()).isZero();
      JsonObject asIs = photosItem(other.baseUri(), "IMG-20231224-WA0001.jpg");
      assertThat(asIs.get("sha256").getAsString()).isEqualTo(CliRun.sha256(media.resolve(photo)));
      assertThat(localDay(asIs)).isNotEqualTo(java.time.LocalDate.of(2023, 12, 24));
    }
  }

  @Test
  void statusSaysHowManyPhotosRequestsTodayUsedAndWhatTheBacklogNeeds() throws Exception {
    CliRun run = CliRun.upload(media, emulator.baseUri().toString(), db);
    assertThat(run.exitCode()).as(run.err()).isZero();
    EmulatorInspector inspector = new EmulatorInspector(emulator.baseUri());
    int photosRequests = 0;
    for (String route :
        new String[] {
          "photos.upload", "photos.batchCreate", "photos.albums", "photos.mediaItems"
        }) {
      photosRequests += inspector.requests(route);
    }
    CliRun status = CliRun.of("status", "--db", db.toString());
    assertThat(status.out())
        .containsPattern(
            "Photos requests today \\(\\d{4}-\\d{2}-\\d{2}, Pacific time\\): "
                + photosRequests
                + " of 10000; backlog 0 items at \\d+\\.\\d\\d requests each: nothing left");
  }

  @Test
  void filtersChooseWhatIsBackedUpAndBadOnesExitTwo() throws Exception {
    CliRun run =
        CliRun.upload(
            media,
            emulator.baseUri().toString(),
            db,
            "--include",
            "WhatsApp Images/**",
            "--exclude",
            "*-WA0001.*",
            "--max-size",
            "5M",
            "--order",
            "smallest");
    assertThat(run.exitCode()).as(run.err()).isZero();
    com.google.gson.JsonArray items = new EmulatorInspector(emulator.baseUri()).items();
    assertThat(items).isNotEmpty();
    for (com.google.gson.JsonElement e : items) {
      assertThat(e.getAsJsonObject().get("service").getAsString()).isEqualTo("photos");
      assertThat(e.getAsJsonObject().get("name").getAsString())
          .startsWith("IMG-")
          .doesNotContain("-WA0001.");
    }
    assertThat(
            CliRun.upload(media, emulator.baseUri().toString(), db, "--max-size", "big").exitCode())
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(CliRun.upload(media, emulator.baseUri().toString(), db, "--include", "[a").err())
        .contains("[a");
  }

  private static JsonObject photosItem(java.net.URI endpoint, String name) throws IOException {
    for (com.google.gson.JsonElement e : new EmulatorInspector(endpoint).items()) {
      JsonObject item = e.getAsJsonObject();
      if (item.get("service").getAsString().equals("photos")
          && item.get("name").getAsString().equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no Photos item named " + name);
  }

  private static java.time.LocalDate localDay(JsonObject item) {
    return java.time.OffsetDateTime.parse(item.get("creationTime").getAsString())
        .atZoneSameInstant(java.time.ZoneId.systemDefault())
        .toLocalDate();
  }

  private CliRun upload() {
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

  private long bytesReceived() throws IOException {
    return new EmulatorInspector(emulator.baseUri()).bytesReceived();
  }

  /** Copies the checked-in sample tree. */
  static Path copySamples(Path dir) throws IOException {
    Path source = Path.of("..", "samples", "whatsapp", "Media");
    Path target = dir.resolve("Media");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }
}
