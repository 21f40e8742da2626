package app.wauploader.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The scan cache: (source key, size, mtime) → SHA-256 + MIME type. */
public final class ScanCacheRepository {
  private final Transaction tx;

  ScanCacheRepository(Transaction tx) {
    this.tx = tx;
  }

  /** The cached entry for {@code sourceKey} if its size and mtime still match. */
  public Optional<ScanEntry> find(String sourceKey, long size, long mtimeMs) throws SQLException {
    return tx.queryOne(
        "SELECT source_key, size, mtime_ms, sha256, mime_type FROM scan_cache"
            + " WHERE source_key = ? AND size = ? AND mtime_ms = ?",
        rs ->
            new ScanEntry(
                rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
        sourceKey,
        size,
        mtimeMs);
  }

  /** Inserts or replaces entries, in one batch. */
  public void putAll(Collection<ScanEntry> entries) throws SQLException {
    long now = tx.nowMs();
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (ScanEntry e : entries) {
      rows.add(new Object[] {e.sourceKey(), e.size(), e.mtimeMs(), e.sha256(), e.mimeType(), now});
    }
    tx.batch(
        "INSERT INTO scan_cache (source_key, size, mtime_ms, sha256, mime_type, scanned_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO UPDATE SET size = excluded.size,"
            + " mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256,"
            + " mime_type = excluded.mime_type, scanned_at = excluded.scanned_at",
        rows);
  }

  /** Forgets what is cached for {@code sourceKey} (its content changed behind size and mtime). */
  public void forget(String sourceKey) throws SQLException {
    tx.update("DELETE FROM scan_cache WHERE source_key = ?", sourceKey);
  }

  /** How many files are cached. */
  public long count() throws SQLException {
    return tx.queryLong("SELECT count(*) FROM scan_cache");
  }
}
