package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupReport;
import app.wauploader.core.app.BackupReport.Totals;
import app.wauploader.core.app.Backups;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run against the emulator (Photos' daily quota used up, one Drive file
 * refused) counts what the database holds: checked against SQL on the same file and against the
 * run's own summary; its totals add up per service and per media folder.
 */
class BackupReportTest {
  private static final String DAILY_QUOTA =
      "Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service"
          + " 'photoslibrary.googleapis.com' for consumer 'project_number:1'.";

  @TempDir Path dir;

  @Test
  void noDatabaseNoReport() {
    Backups backups =
        new Backups(
            TestRuns.env(dir.resolve("none.db"), (d, h) -> null, java.time.Clock.systemUTC()));
    assertThat(backups.report(5, 5, ZoneId.of("UTC"))).isEmpty();
    assertThat(dir.resolve("none.db")).doesNotExist();
  }

  @Test
  void countsSafeWaitingAndFailedFilesAsTheDatabaseHoldsThem() throws Exception {
    Path media = SampleTree.copyTo(dir.resolve("media"));
    Path db = dir.resolve("wa.db");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      emulator
          .inspector()
          .addFaults(
              "[{\"route\":\"photos.upload\",\"status\":429,\"times\":1000,\"message\":\""
                  + DAILY_QUOTA
                  + "\"},{\"route\":\"drive.upload\",\"status\":400,\"times\":1,"
                  + "\"reason\":\"badRequest\"}]");
      RunSummary run =
          TestRuns.backup(TestRuns.google(db, emulator), UploadOptions.defaults(), media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.WAITING_FOR_QUOTA);

      BackupReport report =
          new Backups(TestRuns.google(db, emulator))
              .report(10, 10, ZoneId.of("Asia/Kolkata"))
              .orElseThrow();

      String inGoogle = "sha256 IN (SELECT hash FROM file_hashes)";
      assertThat(report.total().failedFiles()).isEqualTo(1).isEqualTo(run.count(Outcome.FAILED));
      assertThat(report.total().failedFiles()).isEqualTo(sql(db, "state = 'failed'"));
      assertThat(report.total().waitingFiles())
          .isPositive()
          .isEqualTo(
              sql(
                  db,
                  "state IN ('pending','uploading','uploaded','retrying','paused')"
                      + " OR (state = 'skipped_duplicate' AND NOT "
                      + inGoogle
                      + ")"));
      assertThat(report.total().safeFiles())
          .isEqualTo(sql(db, "state IN ('committed','skipped_duplicate') AND " + inGoogle));
      assertThat(report.total().files()).isEqualTo(sql(db, "1 = 1"));
      assertThat(report.total().safeBytes())
          .isEqualTo(
              sqlLong(
                  db,
                  "SELECT sum(size) FROM upload_items WHERE state IN"
                      + " ('committed','skipped_duplicate') AND "
                      + inGoogle));

      Totals photos = report.services().get(0).totals();
      Totals drive = report.services().get(1).totals();
      assertThat(report.services().get(0).service()).isEqualTo(Service.PHOTOS);
      assertThat(photos.safeFiles()).as("Photos' quota is used up: %s", photos).isZero();
      assertThat(photos.waitingFiles()).isEqualTo(report.total().waitingFiles());
      assertThat(drive.failedFiles()).isEqualTo(1);
      assertThat(sum(report.services().stream().map(s -> s.totals()).toList()))
          .isEqualTo(report.total());
      assertThat(sum(report.mediaFolders().stream().map(f -> f.totals()).toList()))
          .isEqualTo(report.total());
      assertThat(report.mediaFolders())
          .extracting(BackupReport.FolderTotals::name)
          .contains("WhatsApp Images", "WhatsApp Documents", "WhatsApp Voice Notes")
          .doesNotContain("Sent");

      assertThat(report.months()).hasSize(1);
      BackupReport.MonthTotals month = report.months().get(0);
      assertThat(month.month()).isEqualTo(YearMonth.now(ZoneId.of("Asia/Kolkata")));
      assertThat(month.photosBytes()).isZero();
      assertThat(month.driveBytes())
          .isPositive()
          .isEqualTo(sqlLong(db, "SELECT sum(file_size) FROM file_hashes"));
      assertThat(month.files()).isEqualTo(report.contents());

      BackupReport.PhotosQuotaUse quota = report.photos();
      assertThat(quota.requestsToday())
          .as("the refused Photos uploads were requests too")
          .hasValueSatisfying(n -> assertThat(n).isPositive())
          .hasValue(
              sqlLong(
                  db,
                  "SELECT coalesce(sum(requests), 0) FROM api_requests WHERE service = 'photos'"));
      assertThat(quota.committedToday()).isZero();
      assertThat(quota.backlogFiles())
          .as("twins of waiting files cost no request")
          .isLessThan(photos.waitingFiles())
          .isEqualTo(
              sql(
                  db,
                  "service = 'photos' AND state IN"
                      + " ('pending','uploading','uploaded','retrying','paused')"));
      assertThat(quota.backlogRequests())
          .as("nothing stored in Photos yet: 1.02 requests per item expected")
          .isEqualTo(quota.backlogFiles() + (quota.backlogFiles() + 49) / 50);
      assertThat(quota.daysNeeded()).isEqualTo(1);
      assertThat(quota.resetsAt()).isAfter(report.generatedAt());
      assertThat(quota.dayStartedAt()).isBeforeOrEqualTo(report.generatedAt());

      assertThat(report.failures())
          .hasSize((int) report.errorsRecorded())
          .filteredOn(e -> e.reason() == FailureReason.REJECTED)
          .singleElement();
      assertThat(report.failures().get(0).id())
          .as("newest first")
          .isGreaterThan(report.failures().get(1).id());
      assertThat(report.sessions()).singleElement();
      assertThat(report.errorsPerSession()).containsValue(report.errorsRecorded());
      assertThat(report.waiting())
          .singleElement()
          .satisfies(w -> assertThat(w.reason()).isEqualTo(FailureReason.DAILY_QUOTA));
      assertThat(report.chats()).isEmpty();
    }
  }

  private static Totals sum(java.util.List<Totals> parts) {
    Totals t = Totals.NONE;
    for (Totals p : parts) {
      t =
          new Totals(
              t.safeFiles() + p.safeFiles(),
              t.safeBytes() + p.safeBytes(),
              t.duplicateFiles() + p.duplicateFiles(),
              t.waitingFiles() + p.waitingFiles(),
              t.waitingBytes() + p.waitingBytes(),
              t.failedFiles() + p.failedFiles(),
              t.failedBytes() + p.failedBytes());
    }
    return t;
  }

  private static long sql(Path db, String where) throws Exception {
    return sqlLong(db, "SELECT count(*) FROM upload_items WHERE " + where);
  }

  private static long sqlLong(Path db, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
