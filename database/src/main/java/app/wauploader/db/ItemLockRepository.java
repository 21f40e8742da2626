package app.wauploader.db;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The per-item locks of {@code upload_items} ({@code locked_by}, {@code locked_at}): which process
 * works on an item right now, with a heartbeat so a dead holder's locks can be taken over.
 */
public final class ItemLockRepository {
  private final Transaction tx;

  ItemLockRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Takes the lock of an item for {@code owner}: succeeds if it is unlocked, already ours, or its
   * lock's heartbeat is older than {@code staleBeforeMs} (the holder died or hung).
   *
   * @return true if {@code owner} now holds the lock
   */
  public boolean claim(long id, String owner, long staleBeforeMs) throws SQLException {
    return tx.update(
            "UPDATE upload_items SET locked_by = ?, locked_at = ? WHERE id = ?"
                + " AND (locked_by IS NULL OR locked_by = ? OR locked_at < ?)",
            owner,
            tx.nowMs(),
            id,
            owner,
            staleBeforeMs)
        == 1;
  }

  /** The owner of an item's lock, if it is locked. */
  public Optional<String> lockOwner(long id) throws SQLException {
    return tx.queryOne(
        "SELECT locked_by FROM upload_items WHERE id = ? AND locked_by IS NOT NULL",
        rs -> rs.getString(1),
        id);
  }

  /** Releases an item's lock if {@code owner} holds it. */
  public void release(long id, String owner) throws SQLException {
    tx.update(
        "UPDATE upload_items SET locked_by = NULL, locked_at = NULL WHERE id = ? AND locked_by = ?",
        id,
        owner);
  }

  /** How many items some process holds locked right now. */
  public long lockedCount() throws SQLException {
    return tx.queryLong("SELECT count(*) FROM upload_items WHERE locked_by IS NOT NULL");
  }

  /** Releases every lock {@code owner} holds (end of run). */
  public int releaseAll(String owner) throws SQLException {
    return tx.update(
        "UPDATE upload_items SET locked_by = NULL, locked_at = NULL WHERE locked_by = ?", owner);
  }

  /** Refreshes the heartbeat of every lock {@code owner} holds. */
  public int heartbeat(String owner) throws SQLException {
    return tx.update(
        "UPDATE upload_items SET locked_at = ? WHERE locked_by = ?", tx.nowMs(), owner);
  }
}
