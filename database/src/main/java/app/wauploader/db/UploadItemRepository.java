package app.wauploader.db;

import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code upload_items}: per-file upload state. Each method is one state transition; callers run
 * each in its own transaction so the row always tells the truth after a crash. No transition undoes
 * {@code committed}: a late failure report (e.g. a process that was frozen while another finished
 * its work) cannot turn a finished item back into open or failed work.
 */
public final class UploadItemRepository {
  private static final String LIVE =
      "('pending', 'uploading', 'uploaded', 'committed', 'retrying', 'paused')";
  private static final String OPEN = "('pending', 'uploading', 'uploaded', 'retrying', 'paused')";

  private final Transaction tx;

  UploadItemRepository(Transaction tx) {
    this.tx = tx;
  }

  /** The item {@code id}, if it exists. */
  public Optional<UploadItem> find(long id) throws SQLException {
    return tx.queryOne("SELECT * FROM upload_items WHERE id = ?", UploadItemRepository::map, id);
  }

  /** The item of the source key {@code sourceKey}, if one was planned. */
  public Optional<UploadItem> findByKey(String sourceKey) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM upload_items WHERE source_key = ?", UploadItemRepository::map, sourceKey);
  }

  /**
   * The item that owns the upload of {@code sha256} (pending, uploading, uploaded or committed); at
   * most one exists, enforced by a unique index.
   */
  public Optional<UploadItem> findLiveBySha256(String sha256) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM upload_items WHERE sha256 = ? AND state IN " + LIVE,
        UploadItemRepository::map,
        sha256);
  }

  /**
   * Inserts a planned item.
   *
   * @return the new id
   * @throws SQLException (constraint) if the path is known, or if the state is live and another
   *     live item owns the same SHA-256
   */
  public long insert(NewUploadItem item) throws SQLException {
    long now = tx.nowMs();
    return tx.insert(
        "INSERT INTO upload_items (session_id, source_key, sha256, size, mtime_ms, mime_type,"
            + " service, container, remote_name, state, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        item.sessionId(),
        item.sourceKey(),
        item.sha256(),
        item.size(),
        item.mtimeMs(),
        item.mimeType(),
        item.service(),
        item.container(),
        item.remoteName(),
        item.state(),
        now,
        now);
  }

  /**
   * Re-plans an existing row for a file whose content changed (or that is re-planned after
   * failure): new content facts, transfer state cleared, attempts reset.
   */
  public void replan(long id, NewUploadItem item) throws SQLException {
    tx.update("DELETE FROM upload_chunks WHERE item_id = ?", id);
    tx.update(
        "UPDATE upload_items SET session_id = ?, sha256 = ?, size = ?, mtime_ms = ?,"
            + " mime_type = ?, service = ?, container = ?, remote_name = ?, state = ?,"
            + " session_uri = NULL, acked_offset = 0, upload_token = NULL, upload_token_at = NULL,"
            + " remote_id = NULL, attempts = 0, next_attempt_at = NULL, updated_at = ?"
            + " WHERE id = ?",
        item.sessionId(),
        item.sha256(),
        item.size(),
        item.mtimeMs(),
        item.mimeType(),
        item.service(),
        item.container(),
        item.remoteName(),
        item.state(),
        tx.nowMs(),
        id);
  }

  /**
   * The file was touched (mtime changed) but its content is the same: keep the open transfer,
   * record the new mtime so the unchanged-file check before sending passes.
   */
  public void refreshMtime(long id, long mtimeMs) throws SQLException {
    tx.update(
        "UPDATE upload_items SET mtime_ms = ?, updated_at = ? WHERE id = ?",
        mtimeMs,
        tx.nowMs(),
        id);
  }

  /** Attaches the item to the session now working on it. */
  public void attachToSession(long id, long sessionId) throws SQLException {
    tx.update(
        "UPDATE upload_items SET session_id = ?, updated_at = ? WHERE id = ?",
        sessionId,
        tx.nowMs(),
        id);
  }

  /**
   * → uploading: a new resumable transfer was opened at {@code sessionUri} (the ledger of any
   * earlier one is dropped).
   */
  public void startTransfer(long id, String sessionUri) throws SQLException {
    forgetTransfer(id);
    tx.update(
        "UPDATE upload_items SET state = 'uploading', session_uri = ?, acked_offset = 0,"
            + " updated_at = ? WHERE id = ? AND state <> 'committed'",
        sessionUri,
        tx.nowMs(),
        id);
  }

  /** Counts one more transfer attempt (every try, including retries and resumes). */
  public void countAttempt(long id) throws SQLException {
    tx.update(
        "UPDATE upload_items SET attempts = attempts + 1, updated_at = ? WHERE id = ?",
        tx.nowMs(),
        id);
  }

  /** Records the offset the server acknowledged (bytes, 0..size). */
  public void acknowledge(long id, long ackedOffset) throws SQLException {
    tx.update(
        "UPDATE upload_items SET acked_offset = ?, updated_at = ? WHERE id = ? AND state <> 'committed'",
        ackedOffset,
        tx.nowMs(),
        id);
  }

  /**
   * uploading → uploaded: every byte acknowledged. {@code uploadToken} is the Photos upload token
   * (absent for Drive, whose file exists as soon as the last chunk lands).
   */
  public void markUploaded(long id, Optional<String> uploadToken) throws SQLException {
    long now = tx.nowMs();
    tx.update(
        "UPDATE upload_items SET state = 'uploaded', acked_offset = size, upload_token = ?,"
            + " upload_token_at = ?, updated_at = ? WHERE id = ? AND state <> 'committed'",
        uploadToken,
        uploadToken.isPresent() ? now : null,
        now,
        id);
  }

  /** → committed: the remote item {@code remoteId} exists; its chunk ledger is dropped. */
  public void markCommitted(long id, String remoteId) throws SQLException {
    tx.update("DELETE FROM upload_chunks WHERE item_id = ?", id);
    tx.update(
        "UPDATE upload_items SET state = 'committed', remote_id = ?, session_uri = NULL,"
            + " next_attempt_at = NULL, locked_by = NULL, locked_at = NULL, updated_at = ?"
            + " WHERE id = ?",
        remoteId,
        tx.nowMs(),
        id);
  }

  /** → failed (permanent); the transfer state is cleared. */
  public void markFailed(long id) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'failed', session_uri = NULL, next_attempt_at = NULL,"
            + " locked_by = NULL, locked_at = NULL, updated_at = ? WHERE id = ? AND state <> 'committed'",
        tx.nowMs(),
        id);
  }

  /** → pending: forget the open transfer (expired session, changed file, expired token). */
  public void resetTransfer(long id) throws SQLException {
    forgetTransfer(id);
    tx.update(
        "UPDATE upload_items SET state = 'pending', session_uri = NULL, acked_offset = 0,"
            + " upload_token = NULL, upload_token_at = NULL, updated_at = ? WHERE id = ? AND state <> 'committed'",
        tx.nowMs(),
        id);
  }

  /**
   * True if another content (different SHA-256) of another file already claims {@code remoteName}
   * in this service's {@code container} (a live or committed item): used to keep Drive names unique
   * within a folder. The file's own row ({@code sourceKey}), e.g. its abandoned earlier content,
   * does not count.
   */
  public boolean nameTaken(
      Service service, String container, String remoteName, String sha256, String sourceKey)
      throws SQLException {
    return tx.queryLong(
            "SELECT count(*) FROM upload_items WHERE service = ? AND container = ?"
                + " AND remote_name = ? AND sha256 <> ? AND source_key <> ? AND state IN "
                + LIVE,
            service,
            container,
            remoteName,
            sha256,
            sourceKey)
        > 0;
  }

  /**
   * Open items whose wait is over ({@code next_attempt_at} absent or ≤ {@code nowMs}), oldest
   * first, optionally of one session only.
   *
   * @param nowMs epoch ms; {@link Long#MAX_VALUE} takes every open item, waiting or not
   * @param limit at most this many; ≤ 0 for all
   */
  public List<UploadItem> due(Optional<Long> sessionId, long nowMs, int limit) throws SQLException {
    return tx.query(
        "SELECT * FROM upload_items WHERE state IN "
            + OPEN
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            + " AND (? IS NULL OR session_id = ?) ORDER BY id LIMIT ?",
        UploadItemRepository::map,
        nowMs,
        sessionId,
        sessionId,
        limit <= 0 ? -1 : limit);
  }

  /**
   * Open items still waiting at {@code nowMs} ({@code retrying} or {@code paused} with {@code
   * next_attempt_at} later), grouped by service and reason: how many, and the earliest time one of
   * them may be tried.
   */
  public List<WaitingItems> waiting(Optional<Long> sessionId, long nowMs) throws SQLException {
    return tx.query(
        "SELECT service, coalesce(wait_reason, CASE state WHEN 'paused' THEN 'daily_quota'"
            + " ELSE 'server' END), count(*), min(next_attempt_at) FROM upload_items"
            + " WHERE state IN ('retrying', 'paused') AND next_attempt_at > ?"
            + " AND (? IS NULL OR session_id = ?) GROUP BY 1, 2 ORDER BY 1, 2",
        rs ->
            new WaitingItems(
                Service.fromId(rs.getString(1)),
                FailureReason.fromId(rs.getString(2)),
                rs.getInt(3),
                java.time.Instant.ofEpochMilli(rs.getLong(4))),
        nowMs,
        sessionId,
        sessionId);
  }

  /**
   * → retrying: a transient failure outlasted this run's retries; try again from {@code
   * nextAttemptAt} (epoch ms) because of {@code reason}. The open transfer is kept: the next
   * attempt resumes it.
   */
  public void markRetrying(long id, long nextAttemptAt, FailureReason reason) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'retrying', next_attempt_at = ?, wait_reason = ?,"
            + " locked_by = NULL, locked_at = NULL, updated_at = ? WHERE id = ?"
            + " AND state <> 'committed'",
        nextAttemptAt,
        reason.id(),
        tx.nowMs(),
        id);
  }

  /**
   * → paused: the service's daily quota is used up until {@code untilMs} (epoch ms). The open
   * transfer is kept.
   */
  public void markPaused(long id, long untilMs) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'paused', next_attempt_at = ?, wait_reason ="
            + " 'daily_quota', locked_by = NULL, locked_at = NULL, updated_at = ? WHERE id = ?"
            + " AND state <> 'committed'",
        untilMs,
        tx.nowMs(),
        id);
  }

  /**
   * Back to work after retrying/paused: the state the row's transfer facts imply (uploaded if a
   * token is held, uploading if a transfer is open, else pending).
   */
  public void wake(long id) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = CASE WHEN upload_token IS NOT NULL THEN 'uploaded'"
            + " WHEN session_uri IS NOT NULL THEN 'uploading' ELSE 'pending' END,"
            + " next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state IN ('retrying', 'paused')",
        tx.nowMs(),
        id);
  }

  /** Items in {@code state}, oldest first. */
  public List<UploadItem> inState(ItemState state) throws SQLException {
    return tx.query(
        "SELECT * FROM upload_items WHERE state = ? ORDER BY id", UploadItemRepository::map, state);
  }

  /** How many items are in each state (states without items are absent). */
  public Map<ItemState, Long> countByState() throws SQLException {
    Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
    for (Object[] row :
        tx.query(
            "SELECT state, count(*) FROM upload_items GROUP BY state",
            rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      counts.put(ItemState.fromId((String) row[0]), (Long) row[1]);
    }
    return counts;
  }

  /**
   * Items of {@code service} still to be stored (pending, uploading, uploaded, retrying, paused).
   */
  public long countOpen(Service service) throws SQLException {
    return tx.queryLong(
        "SELECT count(*) FROM upload_items WHERE service = ? AND state IN " + OPEN, service);
  }

  private static UploadItem map(ResultSet rs) throws SQLException {
    return new UploadItem(
        rs.getLong("id"),
        Transaction.longValue(rs, "session_id"),
        rs.getString("source_key"),
        rs.getString("sha256"),
        rs.getLong("size"),
        rs.getLong("mtime_ms"),
        rs.getString("mime_type"),
        Service.fromId(rs.getString("service")),
        rs.getString("container"),
        rs.getString("remote_name"),
        ItemState.fromId(rs.getString("state")),
        Transaction.string(rs, "session_uri"),
        rs.getLong("acked_offset"),
        Transaction.string(rs, "upload_token"),
        Transaction.instant(rs, "upload_token_at"),
        Transaction.string(rs, "remote_id"),
        rs.getInt("attempts"),
        Transaction.instant(rs, "next_attempt_at"),
        Transaction.string(rs, "wait_reason").map(FailureReason::fromId));
  }

  /** Forgets an open transfer's chunk ledger and what it sends ({@code upload_transfers}). */
  private void forgetTransfer(long id) throws SQLException {
    tx.update("DELETE FROM upload_chunks WHERE item_id = ?", id);
    tx.update("DELETE FROM upload_transfers WHERE item_id = ?", id);
  }
}
