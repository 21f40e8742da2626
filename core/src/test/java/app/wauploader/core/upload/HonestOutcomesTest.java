package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.ZipArchiveSource;
import app.wauploader.core.target.DelegatingTarget;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.db.Database;
import app.wauploader.db.UploadSession;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import app.wauploader.domain.SessionStatus;
import app.wauploader.emulator.EmulatorConfig;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run never reports more than it did, through the facade, from any source. */
class HonestOutcomesTest {
  @TempDir Path dir;
  private final InMemoryTarget photos = new InMemoryTarget(Service.PHOTOS);
  private final InMemoryTarget drive = new InMemoryTarget(Service.DRIVE);

  @Test
  void aZipIsBackedUpInPlaceAndTheSameBytesInAFolderAreNotSentAgain() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<Path> images = SampleTree.eligibleFiles(media.resolve("WhatsApp Images"));
    Path zip = zipOf(images, dir.resolve("WhatsApp Chat - Trip.zip"));
    Backups backups = backups(Map.of(Service.PHOTOS, photos, Service.DRIVE, drive));
    RunSummary fromZip = backup(backups, new ZipArchiveSource(zip));
    assertThat(fromZip.verdict()).isEqualTo(Verdict.DONE);
    int unique = SampleTree.distinctSha256(images).size();
    assertThat(photos.items()).hasSize(unique);
    assertThat(photos.items())
        .extracting(InMemoryTarget.Item::container)
        .containsOnly("WhatsApp Chat - Trip");
    long sent = photos.bytesReceived();

    RunSummary fromFolder =
        backup(backups, new LocalFileSource(List.of(media.resolve("WhatsApp Images"))));
    assertThat(fromFolder.verdict()).isEqualTo(Verdict.DONE);
    assertThat(fromFolder.bytesSent()).isZero();
    assertThat(photos.bytesReceived()).isEqualTo(sent);
    assertThat(fromFolder.count(Outcome.DUPLICATE)).isEqualTo(images.size());
  }

  @Test
  void whenNothingAnswersTheRunGivesUpSoonAndTheSessionIsNotCompleted() throws Exception {
    Path media = SampleTree.copyTo(dir);
    GoogleHttp http =
        new GoogleHttp(
            new NetHttpTransport(),
            AccessTokens.NONE,
            GoogleEndpoints.at(URI.create("http://127.0.0.1:1")),
            2000);
    // Enough attempts that each file is still retrying when the 2 s without an answer are up
    // (a small file costs one request per attempt now).
    RetryPolicy fast =
        RetryPolicy.defaults()
            .withMaxAttempts(30)
            .withDelays(Duration.ofMillis(50), Duration.ofMillis(200));
    BackupEnvironment env =
        TestRuns.env(
            dir.resolve("wa.db"), (db, h) -> GoogleTargets.create(http, db), Clock.systemUTC());
    long started = System.nanoTime();
    RunSummary run =
        new Backups(env)
            .backup(
                List.of(new LocalFileSource(List.of(media))),
                UploadOptions.defaults()
                    .withRetry(fast)
                    .withUnreachableAfter(Duration.ofSeconds(2)),
                RunControl.create(),
                RunListener.NONE);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(run.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(run.stop().orElseThrow().message()).contains("did not answer");
    assertThat(session(run).status()).isEqualTo(SessionStatus.PAUSED);
    assertThat(session(run).pausedUntil()).isPresent();
    assertThat(run.waits())
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w.until()).isAfter(java.time.Instant.now()));
    assertThat(run.count(Outcome.DEFERRED)).isZero();
  }

  @Test
  void resumeBeforeTheQuotaResetChangesNothingAndSaysUntilWhen() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Map<Service, Target> targets = Map.of(Service.PHOTOS, quota(photos), Service.DRIVE, drive);
    RunSummary first =
        TestRuns.backup(dir.resolve("wa.db"), targets, UploadOptions.defaults(), media);
    assertThat(first.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
    assertThat(session(first).status()).isEqualTo(SessionStatus.PAUSED);
    assertThat(session(first).pausedUntil()).isPresent();

    RunSummary resumed = TestRuns.resume(dir.resolve("wa.db"), targets, UploadOptions.defaults());
    assertThat(resumed.sessionId()).isEmpty();
    assertThat(resumed.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
    assertThat(resumed.waits()).singleElement().satisfies(w -> assertThat(w.files()).isPositive());
    assertThat(session(first).status()).isEqualTo(SessionStatus.PAUSED);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThat(db.<List<UploadSession>>inTransaction(tx -> tx.sessions().latest(10))).hasSize(1);
    }

    RunSummary now =
        TestRuns.resume(
            dir.resolve("wa.db"),
            Map.of(Service.PHOTOS, photos, Service.DRIVE, drive),
            UploadOptions.defaults().withNow(true));
    assertThat(now.verdict()).isEqualTo(Verdict.DONE);
    assertThat(now.count(Outcome.UPLOADED)).isPositive();
  }

  @Test
  void aRunWithADeadlineStopsNearItAndTheNextRunResendsAtMostAChunkPerFile() throws Exception {
    Path media = Files.createDirectories(dir.resolve("Media/WhatsApp Documents"));
    byte[] bytes = new byte[1536 * 1024];
    new java.util.Random(3).nextBytes(bytes);
    for (int i = 0; i < 2; i++) {
      bytes[0] = (byte) i;
      Files.write(media.resolve("DOC-2024010" + i + "-WA000" + i + ".bin"), bytes);
    }
    int chunk = 256 * 1024;
    try (EmulatorFixture emulator =
        new EmulatorFixture(EmulatorConfig.defaults(dir.resolve("emu")).withBandwidth(400_000))) {
      BackupEnvironment env =
          TestRuns.env(
              dir.resolve("wa.db"),
              (db, h) -> GoogleTargets.create(emulator.http(), db),
              Clock.systemUTC());
      UploadOptions options = UploadOptions.defaults().withChunkBytes(chunk).withTransfers(2);
      long started = System.nanoTime();
      RunSummary stopped =
          new Backups(env)
              .backup(
                  List.of(new LocalFileSource(List.of(media))),
                  options,
                  RunControl.withDeadline(Clock.systemUTC(), Duration.ofSeconds(5)),
                  RunListener.NONE);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(9));
      assertThat(stopped.verdict()).isEqualTo(Verdict.DEADLINE);
      assertThat(session(stopped).status()).isEqualTo(SessionStatus.INTERRUPTED);
      long receivedBefore = emulator.bytesReceived();
      assertThat(receivedBefore).isLessThan(2L * bytes.length);

      RunSummary next =
          new Backups(env)
              .backup(
                  List.of(new LocalFileSource(List.of(media))),
                  options,
                  RunControl.create(),
                  RunListener.NONE);
      assertThat(next.verdict()).isEqualTo(Verdict.DONE);
      assertThat(emulator.items()).hasSize(2);
      assertThat(emulator.bytesReceived() - 2L * bytes.length)
          .as("bytes sent twice")
          .isLessThanOrEqualTo(2L * chunk);
    }
  }

  @Test
  void aFileWhoseTwinStillWaitsIsNotReportedAsBackedUp() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<Path> images = SampleTree.eligibleFiles(media.resolve("WhatsApp Images"));
    Path zip = zipOf(images, dir.resolve("WhatsApp Chat - Trip.zip"));
    Backups backups = backups(Map.of(Service.PHOTOS, quota(photos), Service.DRIVE, drive));
    RunSummary fromZip = backup(backups, new ZipArchiveSource(zip));
    assertThat(fromZip.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
    RunSummary fromFolder =
        backup(backups, new LocalFileSource(List.of(media.resolve("WhatsApp Images"))));
    assertThat(fromFolder.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
    assertThat(fromFolder.count(Outcome.WAITING)).isPositive();
    assertThat(session(fromFolder).status()).isEqualTo(SessionStatus.PAUSED);
    assertThat(photos.items()).isEmpty();
  }

  @Test
  void aResumeThatFinishesTheDueFilesStillReportsTheOnesThatWait() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Target failingDrive =
        new DelegatingTarget(drive) {
          @Override
          public app.wauploader.core.target.TransferSession begin(TransferRequest request)
              throws TargetException {
            throw new TargetException(FailureReason.SERVER, "HTTP 503");
          }

          @Override
          public TransferState.Complete sendWhole(TransferRequest r, byte[] c, int n)
              throws TargetException {
            throw new TargetException(FailureReason.SERVER, "HTTP 503");
          }
        };
    UploadOptions firstOptions =
        UploadOptions.defaults()
            .withRetry(RetryPolicy.defaults().withMaxAttempts(1))
            .withRetryLater(Duration.ZERO);
    RunSummary first =
        TestRuns.backup(
            dir.resolve("wa.db"),
            Map.of(Service.PHOTOS, quota(photos), Service.DRIVE, failingDrive),
            firstOptions,
            media);
    assertThat(first.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);

    RunSummary resumed =
        TestRuns.resume(
            dir.resolve("wa.db"),
            Map.of(Service.PHOTOS, photos, Service.DRIVE, drive),
            UploadOptions.defaults());
    assertThat(resumed.count(Outcome.UPLOADED)).as("the due Drive files").isPositive();
    assertThat(drive.items()).isNotEmpty();
    assertThat(photos.items()).as("Photos still waits for its quota").isEmpty();
    assertThat(resumed.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
    assertThat(session(resumed).status()).isEqualTo(SessionStatus.PAUSED);
    assertThat(session(resumed).pausedUntil()).isPresent();
  }

  /** One default run of {@code source} through the facade. */
  private static RunSummary backup(Backups backups, MediaSource source) throws Exception {
    return backups.backup(
        List.of(source), UploadOptions.defaults(), RunControl.create(), RunListener.NONE);
  }

  /** A chat-export-like archive of {@code files} (flat, by name). */
  private static Path zipOf(List<Path> files, Path zip) throws java.io.IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path file : files) {
        out.putNextEntry(new ZipEntry(file.getFileName().toString()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return zip;
  }

  /** A Photos target whose daily quota is used up. */
  private static Target quota(Target photos) {
    return new DelegatingTarget(photos) {
      @Override
      public app.wauploader.core.target.TransferSession begin(TransferRequest request)
          throws TargetException {
        throw new TargetException(FailureReason.DAILY_QUOTA, "daily quota used up");
      }

      @Override
      public TransferState.Complete sendWhole(TransferRequest r, byte[] c, int n)
          throws TargetException {
        throw new TargetException(FailureReason.DAILY_QUOTA, "daily quota used up");
      }
    };
  }

  private Backups backups(Map<Service, Target> targets) {
    return new Backups(TestRuns.env(dir.resolve("wa.db"), (d, h) -> targets, Clock.systemUTC()));
  }

  private UploadSession session(RunSummary run) {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      return db.<Optional<UploadSession>>inTransaction(
              tx -> tx.sessions().find(run.sessionId().orElseThrow()))
          .orElseThrow();
    }
  }
}
