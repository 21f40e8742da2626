package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@code file_hashes}: the content-hash index of everything safely uploaded. */
public final class FileHashRepository {
  private final Transaction tx;

  FileHashRepository(Transaction tx) {
    this.tx = tx;
  }

  /** The upload record of content {@code sha256} (64 lowercase hex), if it is uploaded. */
  public Optional<FileHash> find(String sha256) throws SQLException {
    return tx.queryOne("SELECT * FROM file_hashes WHERE hash = ?", FileHashRepository::map, sha256);
  }

  /**
   * The upload record naming {@code service}'s remote item {@code uploadId} (Drive file id, Photos
   * media item id).
   */
  public Optional<FileHash> findByUploadId(Service service, String uploadId) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM file_hashes WHERE upload_service = ? AND upload_id = ?",
        FileHashRepository::map,
        service,
        uploadId);
  }

  /**
   * Records uploaded content. A second record for the same hash is ignored.
   *
   * @param filePath where it was uploaded from (a display path)
   * @param fileName the file's name
   * @param mimeType its detected content type
   * @param chatId the first chat it belongs to, when known
   * @return true if a row was added
   */
  public boolean record(
      String sha256,
      String filePath,
      String fileName,
      long size,
      String mimeType,
      Service service,
      String uploadId,
      Optional<String> chatId,
      Optional<Long> sessionId)
      throws SQLException {
    return tx.update(
            "INSERT INTO file_hashes (hash, file_path, file_name, file_size, mime_type,"
                + " upload_service, upload_id, chat_id, session_id, uploaded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (hash) DO NOTHING",
            sha256,
            filePath,
            fileName,
            size,
            mimeType,
            service,
            uploadId,
            chatId,
            sessionId,
            tx.nowMs())
        == 1;
  }

  /**
   * Records that Google holds other bytes than the local file's for content {@code sha256}: a copy
   * with its capture date written in (issue 9). Dedup stays on {@code sha256}; the first record
   * wins.
   *
   * @param sentSha256 SHA-256 of the bytes sent, 64 lowercase hex
   */
  public void recordSent(String sha256, String sentSha256) throws SQLException {
    tx.update(
        "UPDATE file_hashes SET sent_sha256 = ? WHERE hash = ? AND sent_sha256 IS NULL",
        sentSha256,
        sha256);
  }

  /** How many distinct contents are uploaded to {@code service}. */
  /** Whether any content is recorded as stored in {@code service} (stops at the first row). */
  public boolean any(Service service) throws SQLException {
    return tx.queryOne(
            "SELECT 1 FROM file_hashes WHERE upload_service = ? LIMIT 1", rs -> true, service)
        .isPresent();
  }

  public long count(Service service) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM file_hashes WHERE upload_service = ?", service);
  }

  /** How many distinct contents are uploaded. */
  public long count() throws SQLException {
    return tx.queryLong("SELECT count(*) FROM file_hashes");
  }

  private static FileHash map(ResultSet rs) throws SQLException {
    return new FileHash(
        rs.getString("hash"),
        rs.getString("file_path"),
        rs.getString("file_name"),
        rs.getLong("file_size"),
        rs.getString("mime_type"),
        Service.fromId(rs.getString("upload_service")),
        rs.getString("upload_id"),
        Transaction.string(rs, "chat_id"),
        Transaction.longValue(rs, "session_id"),
        Instant.ofEpochMilli(rs.getLong("uploaded_at")),
        Transaction.string(rs, "sent_sha256"));
  }
}
