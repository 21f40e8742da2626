package app.wauploader.db;

import app.wauploader.domain.FailureReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@code upload_errors}: one row per failure that needs a human's eye or a later retry. */
public final class UploadErrorRepository {
  private final Transaction tx;

  UploadErrorRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Records a failure.
   *
   * @param where the file or archive entry, as shown to a user
   * @param reason why it failed (stored as {@code error_type})
   * @param message one line; callers must never pass credentials
   * @param retryCount retries made before giving up (or before this record)
   * @return the new row id
   */
  public long record(
      long sessionId, String where, FailureReason reason, String message, int retryCount)
      throws SQLException {
    long now = tx.nowMs();
    return tx.insert(
        "INSERT INTO upload_errors (session_id, file_path, error_type, error_message, retry_count,"
            + " occurred_at, last_retry_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        sessionId,
        where,
        reason.id(),
        message,
        retryCount,
        now,
        retryCount > 0 ? now : null);
  }

  /** The newest errors first, at most {@code limit}. */
  public List<UploadError> latest(int limit) throws SQLException {
    return tx.query(
        "SELECT * FROM upload_errors ORDER BY id DESC LIMIT ?", UploadErrorRepository::map, limit);
  }

  /** The errors of one session, oldest first. */
  public List<UploadError> forSession(long sessionId) throws SQLException {
    return tx.query(
        "SELECT * FROM upload_errors WHERE session_id = ? ORDER BY id",
        UploadErrorRepository::map,
        sessionId);
  }

  /** How many errors are recorded in all. */
  public long count() throws SQLException {
    return tx.queryLong("SELECT count(*) FROM upload_errors");
  }

  /** How many errors session {@code sessionId} recorded. */
  public long countForSession(long sessionId) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM upload_errors WHERE session_id = ?", sessionId);
  }

  private static UploadError map(ResultSet rs) throws SQLException {
    return new UploadError(
        rs.getLong("id"),
        rs.getLong("session_id"),
        rs.getString("file_path"),
        FailureReason.fromId(rs.getString("error_type")),
        rs.getString("error_message"),
        rs.getInt("retry_count"),
        Instant.ofEpochMilli(rs.getLong("occurred_at")),
        Transaction.instant(rs, "last_retry_at"));
  }
}
