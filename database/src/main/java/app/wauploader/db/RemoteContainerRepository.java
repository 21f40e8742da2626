package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.util.Optional;

/** Ids of the Drive folders and Photos albums the app created, so each is created once. */
public final class RemoteContainerRepository {
  private final Transaction tx;

  RemoteContainerRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * The remote id of a container.
   *
   * @param name Drive folder path ({@code WhatsApp/WhatsApp Documents}) or Photos album title
   */
  public Optional<String> find(Service service, String name) throws SQLException {
    return tx.queryOne(
        "SELECT remote_id FROM remote_containers WHERE service = ? AND name = ?",
        rs -> rs.getString(1),
        service,
        name);
  }

  /** Forgets a container's id. */
  public void forget(Service service, String name) throws SQLException {
    tx.update("DELETE FROM remote_containers WHERE service = ? AND name = ?", service, name);
  }

  /** Remembers a container's id (replacing a stale one). */
  public void put(Service service, String name, String remoteId) throws SQLException {
    tx.update(
        "INSERT INTO remote_containers (service, name, remote_id, created_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (service, name) DO UPDATE SET remote_id = excluded.remote_id",
        service,
        name,
        remoteId,
        tx.nowMs());
  }
}
