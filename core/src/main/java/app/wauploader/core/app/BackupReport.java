package app.wauploader.core.app;

import app.wauploader.db.ChatProgress;
import app.wauploader.db.UploadError;
import app.wauploader.db.UploadSession;
import app.wauploader.db.WaitingItems;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one picture of where the backup stands, for every front end (the CLI's {@code status --json}
 * and {@code report --html}; the Android app's screens): what is safe in Google, what waits, what
 * failed — in all, per service, per media folder and per imported chat — bytes per month, the
 * Photos quota and the days the backlog needs, the newest failures and sessions. Read without the
 * write lock ({@link Backups#report}). Values only: no advice, no formatting; each front end says
 * it in its own words.
 *
 * @param generatedAt when it was read
 * @param zone the zone the months are counted in (the phone's)
 * @param database the database file
 * @param total every upload item (one per file met)
 * @param services per service, Photos first
 * @param mediaFolders per WhatsApp media folder ({@code WhatsApp Images}, …), by name
 * @param chats per imported chat, in import order (empty when no chat is imported)
 * @param months bytes put in Google per calendar month in {@code zone}, oldest first
 * @param photos the Photos daily quota and the backlog it must carry
 * @param waiting open items that wait, per service and reason, with the earliest time
 * @param sessions the newest sessions first
 * @param errorsPerSession {@code upload_errors} rows of each listed session
 * @param failures the newest recorded failures first
 * @param errorsRecorded {@code upload_errors} rows in all
 * @param contents unique contents in Google ({@code file_hashes} rows)
 * @param lockedFiles items some process holds locked right now
 */
public record BackupReport(
    Instant generatedAt,
    ZoneId zone,
    Path database,
    Totals total,
    List<ServiceTotals> services,
    List<FolderTotals> mediaFolders,
    List<ChatProgress> chats,
    List<MonthTotals> months,
    PhotosQuotaUse photos,
    List<WaitingItems> waiting,
    List<UploadSession> sessions,
    Map<Long, Long> errorsPerSession,
    List<UploadError> failures,
    long errorsRecorded,
    long contents,
    long lockedFiles) {

  /**
   * Files and bytes by where they stand.
   *
   * @param safeFiles files whose content is in Google: committed, or a duplicate of content in
   *     Google ({@code duplicateFiles} of them)
   * @param safeBytes their sizes, bytes (a duplicate counts its own size, though never sent)
   * @param waitingFiles open items (pending, uploading, uploaded and awaiting the Photos commit,
   *     retrying, paused) and duplicates whose twin is not in Google yet
   * @param failedFiles items whose last attempt failed (the next run tries them again)
   */
  public record Totals(
      long safeFiles,
      long safeBytes,
      long duplicateFiles,
      long waitingFiles,
      long waitingBytes,
      long failedFiles,
      long failedBytes) {
    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0);

    /** All files, whatever their state. */
    public long files() {
      return safeFiles + waitingFiles + failedFiles;
    }

    /**
     * These totals with {@code files} items of {@code bytes} in {@code state} added.
     *
     * @param inGoogle whether their content is in Google (decides for duplicates)
     */
    public Totals plus(ItemState state, boolean inGoogle, long files, long bytes) {
      ItemState effective =
          state == ItemState.SKIPPED_DUPLICATE && !inGoogle ? ItemState.PENDING : state;
      switch (effective) {
        case COMMITTED:
          return new Totals(
              safeFiles + files,
              safeBytes + bytes,
              duplicateFiles,
              waitingFiles,
              waitingBytes,
              failedFiles,
              failedBytes);
        case SKIPPED_DUPLICATE:
          return new Totals(
              safeFiles + files,
              safeBytes + bytes,
              duplicateFiles + files,
              waitingFiles,
              waitingBytes,
              failedFiles,
              failedBytes);
        case FAILED:
          return new Totals(
              safeFiles,
              safeBytes,
              duplicateFiles,
              waitingFiles,
              waitingBytes,
              failedFiles + files,
              failedBytes + bytes);
        default:
          return new Totals(
              safeFiles,
              safeBytes,
              duplicateFiles,
              waitingFiles + files,
              waitingBytes + bytes,
              failedFiles,
              failedBytes);
      }
    }
  }

  /** The totals of one service. */
  public record ServiceTotals(Service service, Totals totals) {}

  /**
   * The totals of one media folder.
   *
   * @param name the WhatsApp media folder ({@code WhatsApp Images}, {@code WhatsApp Voice Notes},
   *     …), else the name of the folder or archive the files were found in
   */
  public record FolderTotals(String name, Totals totals) {}

  /**
   * What went into Google in one calendar month.
   *
   * @param photosBytes bytes of the contents committed to Photos that month
   * @param driveBytes bytes of the contents committed to Drive that month
   * @param files contents committed that month
   */
  public record MonthTotals(YearMonth month, long photosBytes, long driveBytes, long files) {
    /** Both services' bytes. */
    public long bytes() {
      return photosBytes + driveBytes;
    }
  }

  /**
   * The Google Photos daily quota (10,000 requests per project per day, reset at midnight Pacific
   * Time: https://developers.google.com/photos/library/guides/api-limits-quotas) and the backlog.
   *
   * @param dailyLimit requests per day
   * @param dayStartedAt the last midnight Pacific Time: "today" for the quota
   * @param resetsAt the next midnight Pacific Time
   * @param committedToday contents committed to Photos since {@code dayStartedAt} (each cost at
   *     least one upload request and a share of a batchCreate)
   * @param requestsToday Photos requests this database's runs sent on this quota day ({@code
   *     api_requests}); {@code Optional} so a front end that reads an older report copes
   * @param backlogFiles open Photos items (known files not yet in Photos)
   * @param backlogBytes their sizes, bytes
   * @param backlogRequests requests those need at the requests per item seen so far ({@link
   *     app.wauploader.core.app.PhotosQuota#requestsPerItem()})
   * @param daysNeeded quota days the backlog needs, counting what is left of today, as {@code
   *     status} says ({@link app.wauploader.core.app.PhotosQuota#backlogDays()}); 0 for none
   */
  public record PhotosQuotaUse(
      long dailyLimit,
      Instant dayStartedAt,
      Instant resetsAt,
      long committedToday,
      Optional<Long> requestsToday,
      long backlogFiles,
      long backlogBytes,
      long backlogRequests,
      long daysNeeded) {}
}
