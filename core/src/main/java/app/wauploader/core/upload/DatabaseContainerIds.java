package app.wauploader.core.upload;

import app.wauploader.core.target.ContainerIds;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.util.Optional;

/** Container ids kept in the {@code remote_containers} table. */
public final class DatabaseContainerIds implements ContainerIds {
  private final Database db;

  public DatabaseContainerIds(Database db) {
    this.db = db;
  }

  @Override
  public Optional<String> find(Service service, String name) {
    return db.inTransaction(tx -> tx.containers().find(service, name));
  }

  @Override
  public void forget(Service service, String name) {
    db.useTransaction(tx -> tx.containers().forget(service, name));
  }

  @Override
  public void put(Service service, String name, String remoteId) {
    db.useTransaction(tx -> tx.containers().put(service, name, remoteId));
  }
}
