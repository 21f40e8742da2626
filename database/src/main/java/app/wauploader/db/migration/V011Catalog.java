package app.wauploader.db.migration;

/**
 * The catalog shared through the user's Drive (issue 14): {@code catalog_devices}, the devices
 * whose catalogs this database knows — itself ({@code self = 1}, created on first use with a random
 * id), and every other device whose catalog it merged, with the version merged; and {@code
 * catalog_conflicts}, what a merge found twice: one content stored under two remote ids (two
 * devices sent it in the same minute), or one album or folder name with two ids. Nothing is deleted
 * from either: they are the record of what the merges saw.
 */
final class V011Catalog extends SqlMigration {
  @Override
  public int version() {
    return 11;
  }

  @Override
  public String description() {
    return "catalog_devices and catalog_conflicts: the catalog shared through Google Drive";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE catalog_devices (
          device_id    TEXT    PRIMARY KEY CHECK (length(device_id) BETWEEN 1 AND 64),
          device_name  TEXT    NOT NULL,
          self         INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
          version      INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
          saved_at     INTEGER,
          contents     INTEGER NOT NULL DEFAULT 0 CHECK (contents >= 0),
          saved_digest TEXT,
          merged_at    INTEGER
        );
        CREATE UNIQUE INDEX idx_catalog_devices_self ON catalog_devices (self) WHERE self = 1;
        CREATE TABLE catalog_conflicts (
          kind         TEXT    NOT NULL CHECK (kind IN ('content', 'container')),
          service      TEXT    NOT NULL CHECK (service IN ('photos', 'drive')),
          key          TEXT    NOT NULL,
          kept_id      TEXT    NOT NULL,
          other_id     TEXT    NOT NULL,
          other_device TEXT    NOT NULL,
          found_at     INTEGER NOT NULL,
          PRIMARY KEY (kind, service, key, other_id)
        )
        """;
  }
}
