package app.wauploader.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code upload_transfers}: what each open transfer sends ({@link UploadTransfer}). Written in the
 * transaction that records the transfer's URI; forgotten when the transfer starts over.
 */
public final class UploadTransferRepository {
  private final Transaction tx;

  UploadTransferRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Records (or replaces) what item {@code itemId}'s open transfer sends. */
  public void record(long itemId, UploadTransfer transfer) throws SQLException {
    tx.update(
        "INSERT OR REPLACE INTO upload_transfers (item_id, chunk_granularity, sent_size,"
            + " sent_sha256, captured_at, captured_offset_s, captured_source)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        itemId,
        transfer.chunkGranularity(),
        transfer.sentSize(),
        transfer.sentSha256(),
        transfer.capturedAt(),
        transfer.capturedOffset().map(ZoneOffset::getTotalSeconds),
        transfer.capturedSource());
  }

  /** What item {@code itemId}'s open transfer sends, if one was recorded. */
  public Optional<UploadTransfer> find(long itemId) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM upload_transfers WHERE item_id = ?", UploadTransferRepository::map, itemId);
  }

  /** Forgets it (the transfer starts over, or was sent as the file's own bytes). */
  public void forget(long itemId) throws SQLException {
    tx.update("DELETE FROM upload_transfers WHERE item_id = ?", itemId);
  }

  private static UploadTransfer map(ResultSet rs) throws SQLException {
    Optional<Instant> at = Transaction.instant(rs, "captured_at");
    Optional<Long> offset = Transaction.longValue(rs, "captured_offset_s");
    return new UploadTransfer(
        rs.getInt("chunk_granularity"),
        rs.getLong("sent_size"),
        rs.getString("sent_sha256"),
        at,
        offset.map(s -> ZoneOffset.ofTotalSeconds(s.intValue())),
        Transaction.string(rs, "captured_source"));
  }
}
