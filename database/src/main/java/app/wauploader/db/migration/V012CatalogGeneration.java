package app.wauploader.db.migration;

/**
 * The catalog's generation (issue 13): one counter that every change to what the catalog holds
 * ({@code file_hashes}, {@code remote_containers}, {@code chats}, {@code content_chats}, {@code
 * config}) raises, by triggers; and {@code catalog_devices.saved_generation}, the generation this
 * database's catalog was saved at. A run that changed nothing compares two integers instead of
 * exporting 100,000 rows to find that out.
 */
final class V012CatalogGeneration extends SqlMigration {
  private static final String[] TABLES = {
    "file_hashes", "remote_containers", "chats", "content_chats", "config"
  };

  @Override
  public int version() {
    return 12;
  }

  @Override
  public String description() {
    return "catalog_generation, raised by triggers on the catalog's tables";
  }

  @Override
  String sql() {
    StringBuilder sql =
        new StringBuilder(
            """
            CREATE TABLE catalog_generation (
              id         INTEGER PRIMARY KEY CHECK (id = 1),
              generation INTEGER NOT NULL CHECK (generation >= 1)
            );
            INSERT INTO catalog_generation (id, generation) VALUES (1, 1);
            ALTER TABLE catalog_devices ADD COLUMN saved_generation INTEGER;
            """);
    for (String table : TABLES) {
      for (String event : new String[] {"INSERT", "UPDATE", "DELETE"}) {
        sql.append("CREATE TRIGGER catalog_generation_")
            .append(table)
            .append('_')
            .append(event.toLowerCase(java.util.Locale.ROOT))
            .append(" AFTER ")
            .append(event)
            .append(" ON ")
            .append(table)
            .append(" BEGIN UPDATE catalog_generation SET generation = generation + 1; END;\n");
      }
    }
    return sql.toString();
  }
}
