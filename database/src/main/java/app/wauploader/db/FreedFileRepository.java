package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@code freed_files}: the journal of {@code free-up}, and the candidates it looks at. */
public final class FreedFileRepository {
  private final Transaction tx;

  FreedFileRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Journals one deleted file. */
  public void record(FreedFile file) throws SQLException {
    tx.update(
        "INSERT INTO freed_files (source_key, size, mtime_ms, sha256, service, remote_id,"
            + " freed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        file.sourceKey(),
        file.size(),
        file.mtimeMs(),
        file.sha256(),
        file.service(),
        file.remoteId(),
        file.freedAt());
  }

  /** The newest {@code limit} journal rows, newest first. */
  public List<FreedFile> latest(int limit) throws SQLException {
    return tx.query(
        "SELECT source_key, size, mtime_ms, sha256, service, remote_id, freed_at FROM freed_files"
            + " ORDER BY freed_at DESC, id DESC LIMIT ?",
        rs ->
            new FreedFile(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                Service.fromId(rs.getString(5)),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7))),
        limit);
  }

  /**
   * Local files ({@code fs:} keys) of the scan cache whose content is in {@code file_hashes}, in
   * key order: every name (twins included) of every content safely uploaded.
   */
  public List<UploadedFile> candidates() throws SQLException {
    return tx.query(
        "SELECT s.source_key, s.size, s.mtime_ms, s.sha256, s.mime_type, h.upload_service,"
            + " h.upload_id, EXISTS (SELECT 1 FROM upload_items i WHERE i.sha256 = s.sha256"
            + " AND (i.locked_by IS NOT NULL OR i.state IN"
            + " ('pending', 'uploading', 'uploaded', 'retrying', 'paused')))"
            + " FROM scan_cache s JOIN file_hashes h ON h.hash = s.sha256"
            + " WHERE s.source_key LIKE 'fs:%' ORDER BY s.source_key",
        rs ->
            new UploadedFile(
                new ScanEntry(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5)),
                Service.fromId(rs.getString(6)),
                rs.getString(7),
                rs.getBoolean(8)),
        new Object[0]);
  }
}
