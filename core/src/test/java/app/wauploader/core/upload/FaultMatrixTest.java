package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.db.Database;
import app.wauploader.db.UploadError;
import app.wauploader.db.UploadSession;
import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.SessionStatus;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault kind on every route, injected into the emulator: the outcome is the documented class
 * (retried, slowed, paused, failed, fatal), the error rows and retry counts say so, and a follow-up
 * run (faults gone, a day later) completes everything.
 */
class FaultMatrixTest {
  private static final int CHUNK = 256 * 1024;
  private static final String DAILY_QUOTA =
      "Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service"
          + " 'photoslibrary.googleapis.com' for consumer 'project_number:1'.";

  @TempDir Path dir;

  /** What a case expects of the first run. */
  @FunctionalInterface
  interface Expectation {
    void check(RunSummary first, Database db) throws Exception;
  }

  record Case(String name, String rules, Expectation expectation) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "drive.upload 503 x2: retried", rule("drive.upload", 503, 2, ""), retriedAndComplete()),
        new Case(
            "photos.upload 503 x2: retried",
            rule("photos.upload", 503, 2, ""),
            retriedAndComplete()),
        new Case(
            "drive.files 503 x2: retried", rule("drive.files", 503, 2, ""), retriedAndComplete()),
        new Case(
            "photos.albums 503 x1: retried",
            rule("photos.albums", 503, 1, ""),
            retriedAndComplete()),
        new Case(
            "photos.batchCreate 500 x1: retried",
            rule("photos.batchCreate", 500, 1, ""),
            retriedAndComplete()),
        new Case(
            "drive.upload 503 beyond the retries: waits as retrying",
            rule("drive.upload", 503, 100, ""),
            (first, db) -> {
              assertThat(first.count(Outcome.WAITING)).isPositive();
              assertThat(first.count(Outcome.FAILED)).isZero();
              assertThat(first.verdict()).isEqualTo(Verdict.WAITING_TO_RETRY);
              assertThat(first.nextAttempt())
                  .get()
                  .matches(t -> t.isAfter(java.time.Instant.now()));
              assertThat(session(db, first).status()).isEqualTo(SessionStatus.PAUSED);
              assertThat(session(db, first).pausedUntil()).isPresent();
              List<UploadError> errors = errors(db, first);
              assertThat(errors)
                  .isNotEmpty()
                  .allSatisfy(
                      e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.SERVER);
                        assertThat(e.retryCount()).isEqualTo(4);
                      });
              assertThat(states(db)).contains(ItemState.RETRYING);
              assertThat(
                      db.<List<app.wauploader.db.UploadItem>>inTransaction(
                          tx -> tx.items().inState(ItemState.RETRYING)))
                  .isNotEmpty()
                  .allSatisfy(item -> assertThat(item.attempts()).isEqualTo(5));
            }),
        new Case(
            "drive.upload 429 x3: slowed down",
            rule("drive.upload", 429, 3, "rateLimitExceeded"),
            (first, db) -> {
              complete(first);
              assertThat(first.lowestTransfers()).isLessThan(3);
            }),
        new Case(
            "drive.upload 403 userRateLimitExceeded x2: slowed down",
            rule("drive.upload", 403, 2, "userRateLimitExceeded"),
            (first, db) -> {
              complete(first);
              assertThat(first.lowestTransfers()).isLessThan(3);
            }),
        new Case(
            "photos.upload daily quota: Photos paused, Drive goes on",
            "[{\"route\":\"photos.upload\",\"status\":429,\"times\":1000,\"message\":\""
                + DAILY_QUOTA
                + "\"}]",
            (first, db) -> {
              assertThat(first.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
              assertThat(first.waits())
                  .filteredOn(RunSummary.Wait::isQuota)
                  .singleElement()
                  .satisfies(
                      w -> {
                        assertThat(w.service()).isEqualTo(app.wauploader.domain.Service.PHOTOS);
                        assertThat(w.until()).isAfter(java.time.Instant.now());
                      });
              assertThat(session(db, first).status()).isEqualTo(SessionStatus.PAUSED);
              assertThat(session(db, first).pausedUntil()).isPresent();
              assertThat(errors(db, first))
                  .extracting(UploadError::reason)
                  .contains(FailureReason.DAILY_QUOTA);
              assertThat(states(db)).contains(ItemState.PAUSED);
              assertThat(first.count(Outcome.UPLOADED)).isPositive(); // the Drive files
            }),
        new Case(
            "drive.upload storageQuotaExceeded: fatal, run stops",
            rule("drive.upload", 403, 1, "storageQuotaExceeded"),
            (first, db) -> {
              assertThat(first.verdict()).isEqualTo(Verdict.STORAGE_FULL);
              assertThat(first.stop().orElseThrow().message()).contains("storage is full");
              assertThat(session(db, first).status()).isEqualTo(SessionStatus.FAILED);
              assertThat(errors(db, first))
                  .extracting(UploadError::reason)
                  .contains(FailureReason.STORAGE_FULL);
            }),
        new Case(
            "* 401: fatal, sign in again",
            rule("*", 401, 1000, "authError"),
            (first, db) -> {
              assertThat(first.verdict()).isEqualTo(Verdict.SIGN_IN_REQUIRED);
              assertThat(first.stop().orElseThrow().reason()).isEqualTo(StopReason.UNAUTHORIZED);
              assertThat(first.stop().orElseThrow().message())
                  .contains("not signed in")
                  .doesNotContain("wa-uploader");
              assertThat(session(db, first).status()).isEqualTo(SessionStatus.FAILED);
            }),
        new Case(
            "drive.upload 400 once: that item failed, permanent",
            rule("drive.upload", 400, 1, "badRequest"),
            (first, db) -> {
              assertThat(first.count(Outcome.FAILED)).isEqualTo(1);
              assertThat(errors(db, first))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                        assertThat(e.retryCount()).isZero();
                      });
              assertThat(states(db)).contains(ItemState.FAILED);
              assertThat(first.verdict()).isEqualTo(Verdict.SOME_FAILED);
              assertThat(session(db, first).status()).isEqualTo(SessionStatus.FAILED);
            }),
        new Case(
            "drive.upload reset mid-body: resumed",
            "[{\"route\":\"drive.upload\",\"action\":\"reset\",\"afterBytes\":100000,\"times\":2}]",
            retriedAndComplete()),
        new Case(
            "photos.upload reset mid-body: resumed",
            "[{\"route\":\"photos.upload\",\"action\":\"reset\",\"afterBytes\":100000,\"times\":2}]",
            retriedAndComplete()),
        new Case(
            "drive.upload stall: timed out, resumed",
            "[{\"route\":\"drive.upload\",\"action\":\"stall\",\"afterBytes\":1000,\"times\":1}]",
            retriedAndComplete()),
        new Case(
            "drive.upload dropSession: new session, completed",
            "[{\"route\":\"drive.upload\",\"action\":\"dropSession\",\"times\":1}]",
            (first, db) -> complete(first)),
        new Case(
            "photos.upload 429 x3: slowed down",
            rule("photos.upload", 429, 3, ""),
            (first, db) -> {
              complete(first);
              assertThat(first.lowestTransfers()).isLessThan(3);
            }),
        new Case(
            "drive.files 403 rateLimitExceeded x2: retried",
            rule("drive.files", 403, 2, "rateLimitExceeded"),
            (first, db) -> complete(first)),
        new Case(
            "drive.files reset: retried",
            "[{\"route\":\"drive.files\",\"action\":\"reset\",\"afterBytes\":10,\"times\":1}]",
            retriedAndComplete()),
        new Case(
            "photos.albums reset: retried",
            "[{\"route\":\"photos.albums\",\"action\":\"reset\",\"afterBytes\":5,\"times\":1}]",
            retriedAndComplete()),
        new Case(
            "photos.batchCreate reset: retried",
            "[{\"route\":\"photos.batchCreate\",\"action\":\"reset\",\"afterBytes\":10,\"times\":1}]",
            retriedAndComplete()),
        new Case(
            "photos.upload stall: timed out, resumed",
            "[{\"route\":\"photos.upload\",\"action\":\"stall\",\"afterBytes\":1000,\"times\":1}]",
            retriedAndComplete()),
        new Case(
            "photos.upload dropSession: new upload, completed",
            "[{\"route\":\"photos.upload\",\"action\":\"dropSession\",\"times\":1}]",
            (first, db) -> complete(first)),
        new Case(
            "photos.batchCreate partial: that item committed by the next run",
            "[{\"route\":\"photos.batchCreate\",\"action\":\"partial\",\"itemIndexes\":[0],\"times\":1}]",
            (first, db) -> {
              assertThat(first.count(Outcome.WAITING)).isEqualTo(1);
              assertThat(first.count(Outcome.FAILED)).isZero();
              assertThat(first.verdict()).isEqualTo(Verdict.WAITING_TO_RETRY);
              assertThat(errors(db, first))
                  .singleElement()
                  .satisfies(e -> assertThat(e.reason()).isEqualTo(FailureReason.SERVER));
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachFaultHasItsDocumentedOutcomeAndAFollowUpRunCompletes(Case c) throws Exception {
    Path media = media();
    Set<String> unique = SampleTree.distinctSha256(SampleTree.eligibleFiles(media));
    Path dbFile = dir.resolve("wa.db");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      emulator.inspector().addFaults(c.rules());
      RunSummary first;
      try (Database db = Database.open(dbFile)) {
        first = run(db, emulator, media);
        c.expectation().check(first, db);
        if (!c.rules().matches(".*\"times\":\\d{3,}.*")) {
          assertThat(emulator.get("/__emulator/faults").getAsJsonArray())
              .as("every injected fault was hit")
              .isEmpty();
        }
        assertThat(db.check()).isEmpty();
      }
      emulator.inspector().clearFaults();
      Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
      try (Database db = Database.open(dbFile, Migrations.all(), tomorrow)) {
        RunSummary followUp = run(db, emulator, media);
        assertThat(followUp.count(Outcome.FAILED)).as(followUp.toString()).isZero();
        assertThat(followUp.stop()).isEmpty();
        assertThat(followUp.waits()).isEmpty();
        assertThat(followUp.verdict()).isEqualTo(Verdict.DONE);
        assertThat(db.check()).isEmpty();
      }
      Map<String, Integer> stored = RemoteContents.copies(dbFile, emulator.items());
      assertThat(stored.values()).as("each content stored once").containsOnly(1);
      assertThat(stored.keySet()).isEqualTo(unique);
    }
  }

  private RunSummary run(Database db, EmulatorFixture emulator, Path media) throws Exception {
    GoogleHttp http =
        new GoogleHttp(
            new NetHttpTransport(),
            AccessTokens.NONE,
            GoogleEndpoints.at(emulator.baseUri()),
            1500);
    RetryPolicy fast =
        new RetryPolicy(
            5,
            Duration.ofMillis(10),
            Duration.ofMillis(80),
            Duration.ofSeconds(1),
            RetryPolicy.Sleeper.SYSTEM);
    UploadOptions options =
        UploadOptions.defaults()
            .withChunkBytes(CHUNK)
            .withRetry(fast)
            .withOwner(
                LockOwner.create(
                    "test", ProcessHandle.current().pid(), pid -> ProcessHandle.of(pid).isEmpty()));
    return TestRuns.backup(
        TestRuns.env(db.file(), (d, h) -> GoogleTargets.create(http, d), db.clock()),
        options,
        media);
  }

  /** Two photos, two videos (Photos), two 600 KB documents and a voice note (Drive). */
  private Path media() throws Exception {
    Path media = dir.resolve("Media");
    Path images = Files.createDirectories(media.resolve("WhatsApp Images"));
    Path video = Files.createDirectories(media.resolve("WhatsApp Video"));
    Path docs = Files.createDirectories(media.resolve("WhatsApp Documents"));
    Path voice = Files.createDirectories(media.resolve("WhatsApp Voice Notes/202345"));
    Path samples = SampleTree.SOURCE;
    for (String name : List.of("IMG-20231105-WA0012.jpg", "IMG-20240101-WA0007.png")) {
      Files.copy(samples.resolve("WhatsApp Images").resolve(name), images.resolve(name));
    }
    for (String name : List.of("VID-20231224-WA0002.mp4", "VID-20240214-WA0008.mp4")) {
      Files.copy(samples.resolve("WhatsApp Video").resolve(name), video.resolve(name));
    }
    for (int i = 0; i < 2; i++) {
      byte[] bytes = new byte[600 * 1024 + i];
      new Random(i).nextBytes(bytes);
      Files.write(docs.resolve("DOC-2024010" + i + "-WA000" + i + ".bin"), bytes);
    }
    Files.copy(
        samples.resolve("WhatsApp Voice Notes/202345/PTT-20231105-WA0004.opus"),
        voice.resolve("PTT-20231105-WA0004.opus"));
    return media;
  }

  private static String rule(String route, int status, int times, String reason) {
    return "[{\"route\":\""
        + route
        + "\",\"status\":"
        + status
        + ",\"times\":"
        + times
        + (reason.isEmpty() ? "" : ",\"reason\":\"" + reason + "\"")
        + "}]";
  }

  private static Expectation retriedAndComplete() {
    return (first, db) -> {
      complete(first);
      assertThat(errors(db, first)).isEmpty();
    };
  }

  private static void complete(RunSummary first) {
    assertThat(first.count(Outcome.FAILED)).as(first.toString()).isZero();
    assertThat(first.count(Outcome.DEFERRED)).as(first.toString()).isZero();
    assertThat(first.stop()).isEmpty();
    assertThat(first.verdict()).isEqualTo(Verdict.DONE);
    assertThat(first.count(Outcome.UPLOADED)).isEqualTo(7);
  }

  private static List<UploadError> errors(Database db, RunSummary run) {
    return db.inTransaction(tx -> tx.errors().forSession(run.sessionId().orElseThrow()));
  }

  private static UploadSession session(Database db, RunSummary run) {
    return db.<Optional<UploadSession>>inTransaction(
            tx -> tx.sessions().find(run.sessionId().orElseThrow()))
        .orElseThrow();
  }

  private static Set<ItemState> states(Database db) {
    Map<ItemState, Long> counts = db.inTransaction(tx -> tx.items().countByState());
    return counts.keySet();
  }
}
