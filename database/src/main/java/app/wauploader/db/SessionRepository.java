package app.wauploader.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code upload_sessions}: one row per run, with live counters. */
public final class SessionRepository {
  private final Transaction tx;

  SessionRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Starts a session in status {@code running}.
   *
   * @param sourceRootsJson JSON array of the source roots
   * @return the new session id
   */
  public long start(String sourceRootsJson) throws SQLException {
    return tx.insert(
        "INSERT INTO upload_sessions (started_at, status, source_roots) VALUES (?, 'running', ?)",
        tx.now(),
        sourceRootsJson);
  }

  /** Adds to the counters of a session (deltas ≥ 0). */
  public void addCounts(
      long id, int processed, int success, int duplicate, int error, long bytesUploaded)
      throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET processed_files = processed_files + ?,"
            + " success_count = success_count + ?, duplicate_count = duplicate_count + ?,"
            + " error_count = error_count + ?, bytes_uploaded = bytes_uploaded + ? WHERE id = ?",
        processed,
        success,
        duplicate,
        error,
        bytesUploaded,
        id);
  }

  /** Sets the number of files the session found. */
  public void setTotalFiles(long id, int total) throws SQLException {
    tx.update("UPDATE upload_sessions SET total_files = ? WHERE id = ?", total, id);
  }

  /** Ends a session with {@code status} and the current time. */
  public void finish(long id, SessionStatus status) throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET status = ?, finished_at = ? WHERE id = ?",
        status,
        tx.now(),
        id);
  }

  public Optional<UploadSession> find(long id) throws SQLException {
    return tx.queryOne("SELECT * FROM upload_sessions WHERE id = ?", SessionRepository::map, id);
  }

  /** The newest sessions first, at most {@code limit}. */
  public List<UploadSession> latest(int limit) throws SQLException {
    return tx.query(
        "SELECT * FROM upload_sessions ORDER BY id DESC LIMIT ?", SessionRepository::map, limit);
  }

  private static UploadSession map(ResultSet rs) throws SQLException {
    return new UploadSession(
        rs.getLong("id"),
        Instant.ofEpochMilli(rs.getLong("started_at")),
        Transaction.instant(rs, "finished_at"),
        SessionStatus.fromId(rs.getString("status")),
        rs.getString("source_roots"),
        rs.getInt("total_files"),
        rs.getInt("processed_files"),
        rs.getInt("success_count"),
        rs.getInt("duplicate_count"),
        rs.getInt("error_count"),
        rs.getLong("bytes_uploaded"));
  }
}
