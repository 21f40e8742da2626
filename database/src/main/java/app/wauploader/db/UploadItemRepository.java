package app.wauploader.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code upload_items}: per-file upload state. Each method is one state transition; callers run
 * each in its own transaction so the row always tells the truth after a crash.
 */
public final class UploadItemRepository {
  private static final String LIVE = "('pending', 'uploading', 'uploaded', 'committed')";

  private final Transaction tx;

  UploadItemRepository(Transaction tx) {
    this.tx = tx;
  }

  public Optional<UploadItem> find(long id) throws SQLException {
    return tx.queryOne("SELECT * FROM upload_items WHERE id = ?", UploadItemRepository::map, id);
  }

  public Optional<UploadItem> findByPath(String sourcePath) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM upload_items WHERE source_path = ?", UploadItemRepository::map, sourcePath);
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
    long now = tx.now();
    return tx.insert(
        "INSERT INTO upload_items (session_id, source_path, sha256, size, mtime_ms, mime_type,"
            + " service, container, remote_name, state, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        item.sessionId(),
        item.sourcePath(),
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
        tx.now(),
        id);
  }

  /** Attaches the item to the session now working on it. */
  public void attachToSession(long id, long sessionId) throws SQLException {
    tx.update(
        "UPDATE upload_items SET session_id = ?, updated_at = ? WHERE id = ?",
        sessionId,
        tx.now(),
        id);
  }

  /**
   * pending → uploading: a resumable transfer was opened at {@code sessionUri}; counts an attempt.
   */
  public void startTransfer(long id, String sessionUri) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'uploading', session_uri = ?, acked_offset = 0,"
            + " attempts = attempts + 1, updated_at = ? WHERE id = ?",
        sessionUri,
        tx.now(),
        id);
  }

  /** Records the offset the server acknowledged (bytes, 0..size). */
  public void acknowledge(long id, long ackedOffset) throws SQLException {
    tx.update(
        "UPDATE upload_items SET acked_offset = ?, updated_at = ? WHERE id = ?",
        ackedOffset,
        tx.now(),
        id);
  }

  /**
   * uploading → uploaded: every byte acknowledged. {@code uploadToken} is the Photos upload token
   * (absent for Drive, whose file exists as soon as the last chunk lands).
   */
  public void markUploaded(long id, Optional<String> uploadToken) throws SQLException {
    long now = tx.now();
    tx.update(
        "UPDATE upload_items SET state = 'uploaded', acked_offset = size, upload_token = ?,"
            + " upload_token_at = ?, updated_at = ? WHERE id = ?",
        uploadToken,
        uploadToken.isPresent() ? now : null,
        now,
        id);
  }

  /** → committed: the remote item {@code remoteId} exists. */
  public void markCommitted(long id, String remoteId) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'committed', remote_id = ?, session_uri = NULL,"
            + " next_attempt_at = NULL, updated_at = ? WHERE id = ?",
        remoteId,
        tx.now(),
        id);
  }

  /** → failed (permanent); the transfer state is cleared. */
  public void markFailed(long id) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'failed', session_uri = NULL, next_attempt_at = NULL,"
            + " updated_at = ? WHERE id = ?",
        tx.now(),
        id);
  }

  /** → pending: forget the open transfer (expired session, changed file, expired token). */
  public void resetTransfer(long id) throws SQLException {
    tx.update(
        "UPDATE upload_items SET state = 'pending', session_uri = NULL, acked_offset = 0,"
            + " upload_token = NULL, upload_token_at = NULL, updated_at = ? WHERE id = ?",
        tx.now(),
        id);
  }

  /**
   * True if another content (different SHA-256) already claims {@code remoteName} in this service's
   * {@code container}: used to keep Drive names unique within a folder.
   */
  public boolean nameTaken(Service service, String container, String remoteName, String sha256)
      throws SQLException {
    return tx.queryLong(
            "SELECT count(*) FROM upload_items WHERE service = ? AND container = ?"
                + " AND remote_name = ? AND sha256 <> ? AND state <> 'skipped_duplicate'",
            service,
            container,
            remoteName,
            sha256)
        > 0;
  }

  /** Items still needing work (pending, uploading, uploaded), oldest first. */
  public List<UploadItem> open() throws SQLException {
    return tx.query(
        "SELECT * FROM upload_items WHERE state IN ('pending', 'uploading', 'uploaded')"
            + " ORDER BY id",
        UploadItemRepository::map);
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

  private static UploadItem map(ResultSet rs) throws SQLException {
    return new UploadItem(
        rs.getLong("id"),
        Transaction.longValue(rs, "session_id"),
        rs.getString("source_path"),
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
        Transaction.instant(rs, "next_attempt_at"));
  }
}
