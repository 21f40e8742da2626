package app.wauploader.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code upload_chunks}: the chunks of the open transfer of each item that the server acknowledged,
 * with their hashes, so a resumed transfer can check that the local file still holds the bytes
 * already sent. Cleared whenever the transfer restarts.
 */
public final class ChunkLedgerRepository {
  private final Transaction tx;

  ChunkLedgerRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Records acknowledged chunks (replacing rows of the same seq), in one batch. */
  public void record(long itemId, Collection<LedgerChunk> chunks) throws SQLException {
    long now = tx.nowMs();
    List<Object[]> rows = new ArrayList<>(chunks.size());
    for (LedgerChunk c : chunks) {
      rows.add(new Object[] {itemId, c.seq(), c.offset(), c.length(), c.sha256(), now});
    }
    tx.batch(
        "INSERT OR REPLACE INTO upload_chunks (item_id, seq, chunk_offset, length, sha256, acked_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** The ledger of an item, in file order. */
  public List<LedgerChunk> forItem(long itemId) throws SQLException {
    return tx.query(
        "SELECT seq, chunk_offset, length, sha256 FROM upload_chunks WHERE item_id = ? ORDER BY seq",
        rs -> new LedgerChunk(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getString(4)),
        itemId);
  }

  /** Forgets an item's ledger. */
  public void clear(long itemId) throws SQLException {
    tx.update("DELETE FROM upload_chunks WHERE item_id = ?", itemId);
  }
}
