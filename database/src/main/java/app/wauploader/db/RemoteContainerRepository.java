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

  /** Media items this app put into album {@code name}, as counted. */
  public long itemCount(Service service, String name) throws SQLException {
    return tx.queryLong(
        "SELECT item_count FROM remote_containers WHERE service = ? AND name = ?", service, name);
  }

  /** Counts {@code items} more in container {@code name} (it must be remembered). */
  public void addItems(Service service, String name, int items) throws SQLException {
    tx.update(
        "UPDATE remote_containers SET item_count = item_count + ? WHERE service = ? AND name = ?",
        items,
        service,
        name);
  }

  /** Sets the count of container {@code name} (an album Google says is full). */
  public void setItemCount(Service service, String name, long items) throws SQLException {
    tx.update(
        "UPDATE remote_containers SET item_count = ? WHERE service = ? AND name = ?",
        items,
        service,
        name);
  }

  /** Forgets a container's id. */
  public void forget(Service service, String name) throws SQLException {
    tx.update("DELETE FROM remote_containers WHERE service = ? AND name = ?", service, name);
  }

  /** Remembers a container's id (replacing a stale one: a new container starts empty). */
  public void put(Service service, String name, String remoteId) throws SQLException {
    tx.update(
        "INSERT INTO remote_containers (service, name, remote_id, created_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (service, name) DO UPDATE SET remote_id = excluded.remote_id,"
            + " item_count = CASE WHEN remote_containers.remote_id = excluded.remote_id"
            + " THEN remote_containers.item_count ELSE 0 END",
        service,
        name,
        remoteId,
        tx.nowMs());
  }
}
