package app.wauploader.db;

import app.wauploader.domain.SessionStatus;
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
    return start(sourceRootsJson, Optional.empty(), Optional.empty());
  }

  /**
   * Starts a session in status {@code running}, for one chat when {@code chatId} is given (a {@code
   * --chat} run).
   *
   * @param sourceRootsJson JSON array of the source roots
   * @return the new session id
   */
  public long start(String sourceRootsJson, Optional<String> chatId, Optional<String> chatName)
      throws SQLException {
    long now = tx.nowMs();
    return tx.insert(
        "INSERT INTO upload_sessions (started_at, last_update, status, source_roots, chat_id,"
            + " chat_name) VALUES (?, ?, 'running', ?, ?, ?)",
        now,
        now,
        sourceRootsJson,
        chatId,
        chatName);
  }

  /**
   * Adds to the counters of a session (deltas ≥ 0) for the outcome of {@code file}, which becomes
   * its {@code last_processed_file}; {@code last_update} becomes now.
   *
   * @param file the file counted (a display path), or null when the count is of no one file
   */
  public void addCounts(
      long id, String file, int processed, int success, int duplicate, int error, long bytes)
      throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET processed_files = processed_files + ?,"
            + " success_count = success_count + ?, duplicate_count = duplicate_count + ?,"
            + " error_count = error_count + ?, bytes_uploaded = bytes_uploaded + ?,"
            + " last_update = max(coalesce(last_update, 0), ?),"
            + " last_processed_file = coalesce(?, last_processed_file) WHERE id = ?",
        processed,
        success,
        duplicate,
        error,
        bytes,
        tx.nowMs(),
        file,
        id);
  }

  /** Sets the number of files the session found. */
  public void setTotalFiles(long id, int total) throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET total_files = ?, last_update = max(coalesce(last_update, 0), ?)"
            + " WHERE id = ?",
        total,
        tx.nowMs(),
        id);
  }

  /** Ends a session with {@code status} and the current time, releasing its lock. */
  public void finish(long id, SessionStatus status) throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET status = ?, finished_at = max(?, started_at),"
            + " last_update = max(?, started_at), locked_by = NULL, locked_at = NULL WHERE id = ?",
        status,
        tx.nowMs(),
        tx.nowMs(),
        id);
  }

  /** Locks a session for {@code owner} (the process running it). */
  public void lock(long id, String owner) throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET locked_by = ?, locked_at = ? WHERE id = ?",
        owner,
        tx.nowMs(),
        id);
  }

  /** Refreshes the heartbeat of the sessions {@code owner} runs. */
  public void heartbeat(String owner) throws SQLException {
    tx.update("UPDATE upload_sessions SET locked_at = ? WHERE locked_by = ?", tx.nowMs(), owner);
  }

  /**
   * Re-opens a paused or interrupted session for {@code owner}: status running, no end time, no
   * pause.
   */
  public void reopen(long id, String owner) throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET status = 'running', finished_at = NULL, paused_until = NULL,"
            + " pause_reason = NULL, locked_by = ?, locked_at = ? WHERE id = ?",
        owner,
        tx.nowMs(),
        id);
  }

  /** Records why and until when a session is paused (status is set by {@link #finish}). */
  public void pause(long id, long untilMs, String reason) throws SQLException {
    tx.update(
        "UPDATE upload_sessions SET paused_until = max(coalesce(paused_until, 0), ?),"
            + " pause_reason = ? WHERE id = ?",
        untilMs,
        reason,
        id);
  }

  /** Sessions whose status is still {@code running}. */
  public List<UploadSession> running() throws SQLException {
    return tx.query(
        "SELECT * FROM upload_sessions WHERE status = 'running' ORDER BY id",
        SessionRepository::map);
  }

  /** The session {@code id}, if it exists. */
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
        rs.getLong("bytes_uploaded"),
        Transaction.string(rs, "locked_by"),
        Transaction.instant(rs, "locked_at"),
        Transaction.instant(rs, "paused_until"),
        Transaction.string(rs, "pause_reason"),
        Transaction.string(rs, "chat_id"),
        Transaction.string(rs, "chat_name"),
        Transaction.instant(rs, "last_update"),
        Transaction.string(rs, "last_processed_file"));
  }
}
