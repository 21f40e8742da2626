package app.wauploader.core.upload;

import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.ContainerIds;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.util.Optional;

/**
 * Container ids kept in the {@code remote_containers} table. {@link #findOrCreate} holds SQLite's
 * write lock ({@code BEGIN IMMEDIATE}) while the container is looked up or created remotely, so
 * several wa-uploader processes on one database never create two folders or albums of one name.
 * That lock is held for one or two Google calls, a few times in a database's life.
 */
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
  public long itemCount(Service service, String name) {
    return db.read(tx -> tx.containers().itemCount(service, name));
  }

  @Override
  public void countItems(Service service, String name, int items, boolean full) {
    db.useTransaction(
        tx -> {
          if (full) {
            tx.containers().setItemCount(service, name, items);
          } else {
            tx.containers().addItems(service, name, items);
          }
        });
  }

  @Override
  public void forget(Service service, String name) {
    db.useTransaction(tx -> tx.containers().forget(service, name));
  }

  @Override
  public String findOrCreate(Service service, String name, String staleId, Creator create)
      throws TargetException, InterruptedException {
    try {
      return db.inTransaction(
          tx -> {
            Optional<String> known = tx.containers().find(service, name);
            if (known.isPresent() && !known.get().equals(staleId)) {
              return known.get();
            }
            String id;
            try {
              id = create.create();
            } catch (TargetException | InterruptedException e) {
              throw new CreateFailed(e);
            }
            tx.containers().put(service, name, id);
            return id;
          });
    } catch (CreateFailed failed) {
      if (failed.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw (TargetException) failed.getCause();
    }
  }

  /** Carries the creator's checked failure out of the transaction (which is rolled back). */
  private static final class CreateFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CreateFailed(Exception cause) {
      super(cause);
    }
  }
}
