package app.wauploader.core.target;

import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.Service;
import java.util.Optional;

/** Where targets remember the ids of the folders and albums they created (the database). */
public interface ContainerIds {
  /** The remembered id of {@code service}'s container {@code name}. */
  Optional<String> find(Service service, String name);

  /** How many items this app put into container {@code name} (0 when not remembered). */
  long itemCount(Service service, String name);

  /**
   * Counts {@code items} more in container {@code name}; with {@code full}, sets the count to
   * {@code items} instead (the service said the container is full).
   */
  void countItems(Service service, String name, int items, boolean full);

  /** Forgets a remembered id (the user deleted or trashed that folder or album). */
  void forget(Service service, String name);

  /**
   * The id of container {@code name}, made at most once however many processes ask at the same
   * time: under one lock shared by every process on this database, the remembered id is read again
   * and returned unless it is absent or {@code staleId}; otherwise {@code create} runs (looks the
   * container up remotely, else creates it) and its id is remembered before the lock is released.
   *
   * @param staleId an id the caller found gone remotely, or null
   * @throws TargetException what {@code create} threw (nothing is remembered then)
   */
  String findOrCreate(Service service, String name, String staleId, Creator create)
      throws TargetException, InterruptedException;

  /** Finds or makes a container remotely; returns its id. */
  @FunctionalInterface
  interface Creator {
    String create() throws TargetException, InterruptedException;
  }
}
