package app.wauploader.core.target;

import app.wauploader.domain.Service;
import java.util.Optional;

/** Where targets remember the ids of the folders and albums they created (the database). */
public interface ContainerIds {
  Optional<String> find(Service service, String name);

  void put(Service service, String name, String remoteId);

  /** Forgets a remembered id (the user deleted or trashed that folder or album). */
  void forget(Service service, String name);
}
