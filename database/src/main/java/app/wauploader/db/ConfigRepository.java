package app.wauploader.db;

import java.sql.SQLException;
import java.util.Optional;

/** {@code config}: key → JSON value. Never holds credentials (those live in owner-only files). */
public final class ConfigRepository {
  private final Transaction tx;

  ConfigRepository(Transaction tx) {
    this.tx = tx;
  }

  /** The JSON text stored under {@code key}. */
  public Optional<String> get(String key) throws SQLException {
    return tx.queryOne("SELECT value FROM config WHERE key = ?", rs -> rs.getString(1), key);
  }

  /**
   * Stores {@code json} under {@code key}, replacing any value.
   *
   * @throws SQLException (constraint) if {@code json} is not valid JSON
   */
  public void put(String key, String json) throws SQLException {
    tx.update(
        "INSERT INTO config (key, value, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
            + " updated_at = excluded.updated_at",
        key,
        json,
        tx.nowMs());
  }
}
