package app.wauploader.db;

import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.util.List;

/**
 * Read-only aggregates for the backup report ({@code core.app.BackupReport}): files and bytes per
 * service, state and source folder, and the upload times of everything in Google. Every query
 * groups in SQLite or returns one small row per content, so a 40,000-file backlog stays cheap.
 */
public final class ReportRepository {
  private final Transaction tx;

  ReportRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Files and bytes per service, state and source folder.
   *
   * @param folder the item's source key up to and including its last {@code /} (e.g. {@code
   *     fs:/sdcard/…/Media/WhatsApp Images/Sent/}, {@code zip:/x/Trip.zip!/})
   * @param inGoogle whether their content is recorded in {@code file_hashes} (a {@code
   *     skipped_duplicate} item whose twin still waits is not)
   * @param bytes the sum of the items' sizes, bytes
   */
  public record FolderTotal(
      Service service, ItemState state, boolean inGoogle, String folder, long files, long bytes) {}

  /** One content in Google: when it was committed (epoch ms UTC), where, and its size in bytes. */
  public record Uploaded(long uploadedAtMs, Service service, long bytes) {}

  /**
   * Every upload item grouped by service, state, whether its content is in Google, and the folder
   * part of its source key.
   */
  public List<FolderTotal> folderTotals() throws SQLException {
    return tx.query(
        "SELECT service, state, EXISTS (SELECT 1 FROM file_hashes h WHERE h.hash = i.sha256)"
            + " AS in_google, rtrim(source_key, replace(source_key, '/', '')) AS folder,"
            + " count(*), coalesce(sum(size), 0) FROM upload_items i"
            + " GROUP BY service, state, in_google, folder ORDER BY folder, service, state",
        rs ->
            new FolderTotal(
                Service.fromId(rs.getString(1)),
                ItemState.fromId(rs.getString(2)),
                rs.getInt(3) == 1,
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6)));
  }

  /** Every content recorded in {@code file_hashes}, oldest first. */
  public List<Uploaded> uploaded() throws SQLException {
    return tx.query(
        "SELECT uploaded_at, upload_service, file_size FROM file_hashes ORDER BY uploaded_at",
        rs -> new Uploaded(rs.getLong(1), Service.fromId(rs.getString(2)), rs.getLong(3)));
  }

  /**
   * The sizes (bytes) of the open items of {@code service}, whatever they wait for: pending,
   * uploading, uploaded, retrying or paused.
   */
  public List<Long> openSizes(Service service) throws SQLException {
    return tx.query(
        "SELECT size FROM upload_items WHERE service = ? AND state IN"
            + " ('pending', 'uploading', 'uploaded', 'retrying', 'paused')",
        rs -> rs.getLong(1),
        service);
  }

  /** Contents of {@code service} committed at or after {@code sinceMs} (epoch ms). */
  public long committedSince(Service service, long sinceMs) throws SQLException {
    return tx.queryLong(
        "SELECT count(*) FROM file_hashes WHERE upload_service = ? AND uploaded_at >= ?",
        service,
        sinceMs);
  }
}
