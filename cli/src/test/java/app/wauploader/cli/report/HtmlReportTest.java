package app.wauploader.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.app.BackupReport;
import app.wauploader.core.app.BackupReport.PhotosQuotaUse;
import app.wauploader.core.app.BackupReport.Totals;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The page for what the database cannot say yet: once core counts the Photos requests of the day
 * ({@link PhotosQuotaUse#requestsToday()} present), the report shows them against the daily limit;
 * with nothing in Google yet there is no chart; months beyond two years are not drawn.
 */
class HtmlReportTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static BackupReport report(
      Optional<Long> requestsToday, List<BackupReport.MonthTotals> months) {
    Instant now = Instant.parse("2026-12-01T15:00:00Z");
    return new BackupReport(
        now,
        ZONE,
        Paths.get("/data/wa.db"),
        new Totals(0, 0, 0, 2, 2048, 0, 0),
        List.of(),
        List.of(),
        List.of(),
        months,
        new PhotosQuotaUse(
            10_000,
            Instant.parse("2026-12-01T08:00:00Z"),
            Instant.parse("2026-12-02T08:00:00Z"),
            0,
            requestsToday,
            2,
            2048,
            3,
            1),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        0,
        0,
        0);
  }

  private static String render(BackupReport report) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlReport(new ReportJson(ZONE), ZONE).write(report, out);
    return out.toString();
  }

  @Test
  void showsThePhotosRequestsOfTheDayWhenCoreCountsThem() throws Exception {
    String counted = render(report(Optional.of(2500L), List.of()));
    assertThat(counted)
        .contains(
            "<span data-field=\"photos_quota.requests_today\">2500</span> of 10,000 requests used"
                + " today (25%)")
        .doesNotContain("photos_quota.committed_today");
    String unknown = render(report(Optional.empty(), List.of()));
    assertThat(unknown)
        .contains("<span data-field=\"photos_quota.committed_today\">0</span> files put in")
        .doesNotContain("requests used today");
  }

  @Test
  void noChartWithoutMonthsAndAtMostTwoYearsOfBars() throws Exception {
    assertThat(render(report(Optional.empty(), List.of())))
        .doesNotContain("<svg")
        .contains("Nothing is in Google yet.");
    List<BackupReport.MonthTotals> months = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      months.add(new BackupReport.MonthTotals(YearMonth.of(2024, 1).plusMonths(i), i, 1000, 1));
    }
    String page = render(report(Optional.empty(), months));
    assertThat(page.split("<g class=\"month\"", -1)).hasSize(MonthChart.MAX_MONTHS + 1);
    assertThat(page).doesNotContain("data-month=\"2024-06\"").contains("data-month=\"2026-06\"");
  }
}
