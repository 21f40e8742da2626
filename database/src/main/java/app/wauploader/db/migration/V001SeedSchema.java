package app.wauploader.db.migration;

/**
 * The seed schema: upload sessions, the content-hash index of what is uploaded, error rows, config,
 * and the migration log itself. Times are epoch milliseconds (UTC) throughout.
 */
final class V001SeedSchema extends SqlMigration {
  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "seed schema: upload_sessions, file_hashes, upload_errors, config, schema_migrations";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version     INTEGER PRIMARY KEY CHECK (version > 0),
          applied_at  INTEGER NOT NULL,
          description TEXT    NOT NULL
        );
        CREATE TABLE upload_sessions (
          id              INTEGER PRIMARY KEY AUTOINCREMENT,
          started_at      INTEGER NOT NULL,
          finished_at     INTEGER,
          status          TEXT    NOT NULL DEFAULT 'running'
                          CHECK (status IN ('running', 'completed', 'failed', 'paused', 'interrupted')),
          source_roots    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(source_roots)),
          total_files     INTEGER NOT NULL DEFAULT 0 CHECK (total_files >= 0),
          processed_files INTEGER NOT NULL DEFAULT 0 CHECK (processed_files >= 0),
          success_count   INTEGER NOT NULL DEFAULT 0 CHECK (success_count >= 0),
          duplicate_count INTEGER NOT NULL DEFAULT 0 CHECK (duplicate_count >= 0),
          error_count     INTEGER NOT NULL DEFAULT 0 CHECK (error_count >= 0),
          bytes_uploaded  INTEGER NOT NULL DEFAULT 0 CHECK (bytes_uploaded >= 0),
          CHECK (finished_at IS NULL OR finished_at >= started_at)
        );
        CREATE INDEX idx_upload_sessions_status ON upload_sessions (status);
        CREATE INDEX idx_upload_sessions_started_at ON upload_sessions (started_at);
        CREATE TABLE file_hashes (
          hash           TEXT    PRIMARY KEY
                         CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
          file_path      TEXT    NOT NULL,
          file_size      INTEGER NOT NULL CHECK (file_size >= 0),
          upload_service TEXT    NOT NULL CHECK (upload_service IN ('photos', 'drive')),
          upload_id      TEXT    NOT NULL,
          chat_id        TEXT,
          session_id     INTEGER REFERENCES upload_sessions (id) ON DELETE SET NULL,
          uploaded_at    INTEGER NOT NULL
        );
        CREATE INDEX idx_file_hashes_upload_service ON file_hashes (upload_service);
        CREATE INDEX idx_file_hashes_chat_id ON file_hashes (chat_id);
        CREATE INDEX idx_file_hashes_session_id ON file_hashes (session_id);
        CREATE TABLE upload_errors (
          id            INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id    INTEGER NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
          file_path     TEXT    NOT NULL,
          error_type    TEXT    NOT NULL,
          error_message TEXT    NOT NULL,
          retry_count   INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
          occurred_at   INTEGER NOT NULL,
          last_retry_at INTEGER
        );
        CREATE INDEX idx_upload_errors_session_id ON upload_errors (session_id);
        CREATE INDEX idx_upload_errors_file_path ON upload_errors (file_path);
        CREATE TABLE config (
          key        TEXT    PRIMARY KEY,
          value      TEXT    NOT NULL CHECK (json_valid(value)),
          updated_at INTEGER NOT NULL
        )
        """;
  }
}
