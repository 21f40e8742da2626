package app.wauploader.core.report;

import app.wauploader.core.app.BackupReport;
import app.wauploader.core.app.BackupReport.FolderTotals;
import app.wauploader.core.app.BackupReport.MonthTotals;
import app.wauploader.core.app.BackupReport.PhotosQuotaUse;
import app.wauploader.core.app.BackupReport.ServiceTotals;
import app.wauploader.core.app.BackupReport.Totals;
import app.wauploader.core.upload.QuotaReset;
import app.wauploader.db.ReportRepository.FolderTotal;
import app.wauploader.db.ReportRepository.Uploaded;
import app.wauploader.db.Transaction;
import app.wauploader.db.UploadSession;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a {@link BackupReport} inside one read transaction. The numbers add up: {@code total} is
 * the sum of {@code services}, and of {@code mediaFolders}.
 */
public final class ReportReader {
  /** Photos Library API requests per project per day. */
  public static final long PHOTOS_DAILY_REQUESTS = 10_000;

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  private final ZoneId zone;
  private final int sessions;
  private final int failures;

  /**
   * @param zone the zone months are counted in
   * @param sessions how many of the newest sessions to include
   * @param failures how many of the newest failures to include
   */
  public ReportReader(ZoneId zone, int sessions, int failures) {
    this.zone = zone;
    this.sessions = sessions;
    this.failures = failures;
  }

  /** The report of the database {@code tx} reads. */
  public BackupReport read(Transaction tx, Path database) throws SQLException {
    Instant now = Instant.ofEpochMilli(tx.nowMs());
    Totals total = Totals.NONE;
    Map<Service, Totals> services = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      services.put(s, Totals.NONE);
    }
    Map<String, Totals> folders = new TreeMap<>();
    for (FolderTotal row : tx.report().folderTotals()) {
      total = total.plus(row.state(), row.inGoogle(), row.files(), row.bytes());
      services.put(
          row.service(),
          services.get(row.service()).plus(row.state(), row.inGoogle(), row.files(), row.bytes()));
      String name = MediaFolders.of(row.folder());
      folders.put(
          name,
          folders
              .getOrDefault(name, Totals.NONE)
              .plus(row.state(), row.inGoogle(), row.files(), row.bytes()));
    }
    List<ServiceTotals> perService = new ArrayList<>();
    services.forEach((s, t) -> perService.add(new ServiceTotals(s, t)));
    List<FolderTotals> perFolder = new ArrayList<>();
    folders.forEach((n, t) -> perFolder.add(new FolderTotals(n, t)));

    List<UploadSession> latest = tx.sessions().latest(sessions);
    Map<Long, Long> errors = new LinkedHashMap<>();
    for (UploadSession s : latest) {
      errors.put(s.id(), tx.errors().countForSession(s.id()));
    }
    return new BackupReport(
        now,
        zone,
        database,
        total,
        perService,
        perFolder,
        tx.contentChats().progress(),
        months(tx.report().uploaded()),
        photos(tx, now),
        tx.items().waiting(Optional.empty(), tx.nowMs()),
        latest,
        errors,
        tx.errors().latest(failures),
        tx.errors().count(),
        tx.fileHashes().count(),
        tx.itemLocks().lockedCount());
  }

  private List<MonthTotals> months(List<Uploaded> uploaded) {
    Map<YearMonth, long[]> months = new TreeMap<>();
    for (Uploaded u : uploaded) {
      YearMonth month = YearMonth.from(Instant.ofEpochMilli(u.uploadedAtMs()).atZone(zone));
      long[] sums = months.computeIfAbsent(month, m -> new long[3]);
      sums[u.service() == Service.PHOTOS ? 0 : 1] += u.bytes();
      sums[2]++;
    }
    List<MonthTotals> result = new ArrayList<>();
    months.forEach((m, s) -> result.add(new MonthTotals(m, s[0], s[1], s[2])));
    return result;
  }

  private PhotosQuotaUse photos(Transaction tx, Instant now) throws SQLException {
    LocalDate today = QuotaReset.day(now);
    Instant dayStart = ZonedDateTime.of(today.atStartOfDay(), PACIFIC).toInstant();
    Instant reset = QuotaReset.after(now);
    List<Long> open = tx.report().openSizes(Service.PHOTOS);
    long bytes = 0;
    for (long size : open) {
      bytes += size;
    }
    long requestsToday = photosRequestsToday(tx, today);
    // The same arithmetic as 'status' (core.app.PhotosQuota): the requests per item seen so far.
    app.wauploader.core.app.PhotosQuota seen =
        app.wauploader.core.app.PhotosQuota.of(
            today.toString(),
            requestsToday,
            tx.apiRequests().total(Service.PHOTOS),
            tx.fileHashes().count(Service.PHOTOS),
            open.size());
    return new PhotosQuotaUse(
        PHOTOS_DAILY_REQUESTS,
        dayStart,
        reset,
        tx.report().committedSince(Service.PHOTOS, dayStart.toEpochMilli()),
        Optional.of(requestsToday),
        open.size(),
        bytes,
        (long) Math.ceil(open.size() * seen.requestsPerItem()),
        seen.backlogDays());
  }

  /** Photos requests the runs of this database sent on {@code day} ({@code api_requests}). */
  static long photosRequestsToday(Transaction tx, LocalDate day) throws SQLException {
    return tx.apiRequests().on(day).getOrDefault(Service.PHOTOS, 0L);
  }
}
