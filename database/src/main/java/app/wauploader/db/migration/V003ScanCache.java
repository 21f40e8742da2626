package app.wauploader.db.migration;

/**
 * The scan cache: (path, size, mtime) → SHA-256 and detected MIME type, so an unchanged file is
 * never read twice.
 */
final class V003ScanCache extends SqlMigration {
  @Override
  public int version() {
    return 3;
  }

  @Override
  public String description() {
    return "scan_cache: (path, size, mtime) -> sha256, mime type";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE scan_cache (
          path       TEXT    PRIMARY KEY,
          size       INTEGER NOT NULL CHECK (size >= 0),
          mtime_ms   INTEGER NOT NULL,
          sha256     TEXT    NOT NULL
                     CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          mime_type  TEXT    NOT NULL,
          scanned_at INTEGER NOT NULL
        );
        CREATE INDEX idx_scan_cache_sha256 ON scan_cache (sha256)
        """;
  }
}
