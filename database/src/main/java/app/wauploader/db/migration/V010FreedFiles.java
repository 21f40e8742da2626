package app.wauploader.db.migration;

/**
 * {@code freed_files}: the journal of {@code free-up} — every local file deleted because its
 * content was confirmed in Google at that moment (issue 11): where it was, its size, mtime and
 * SHA-256, and where it is in Google. Append only.
 */
final class V010FreedFiles extends SqlMigration {
  @Override
  public int version() {
    return 10;
  }

  @Override
  public String description() {
    return "freed_files: the journal of local files deleted once safe in Google";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE freed_files (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          source_key TEXT    NOT NULL,
          size       INTEGER NOT NULL CHECK (size >= 0),
          mtime_ms   INTEGER NOT NULL,
          sha256     TEXT    NOT NULL
                     CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          service    TEXT    NOT NULL CHECK (service IN ('photos', 'drive')),
          remote_id  TEXT    NOT NULL,
          freed_at   INTEGER NOT NULL
        );
        CREATE INDEX idx_freed_files_freed_at ON freed_files (freed_at)
        """;
  }
}
