package app.wauploader.db.migration;

/**
 * Remote containers created by the app: Drive folders (keyed by their path, e.g. {@code
 * WhatsApp/WhatsApp Documents}) and Photos albums (keyed by title). Google Photos only lets an app
 * add items to albums it created and no longer lets it list other albums, so the ids must be kept
 * here; each container is created once.
 */
final class V004RemoteContainers extends SqlMigration {
  @Override
  public int version() {
    return 4;
  }

  @Override
  public String description() {
    return "remote_containers: ids of app-created Drive folders and Photos albums";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE remote_containers (
          service    TEXT    NOT NULL CHECK (service IN ('photos', 'drive')),
          name       TEXT    NOT NULL,
          remote_id  TEXT    NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (service, name)
        )
        """;
  }
}
