package app.wauploader.db.migration;

/**
 * Per-file upload state ("upload item"): one row per source path, carrying the resumable session
 * URI (Drive) or upload URL (Photos), the server-acknowledged offset, the Photos upload token and
 * the retry bookkeeping. A partial unique index makes "one live upload per SHA-256" a database
 * fact, so two runs (or two processes) can never both send the same bytes.
 */
final class V002UploadItems extends SqlMigration {
  @Override
  public int version() {
    return 2;
  }

  @Override
  public String description() {
    return "upload_items: per-file upload state with resumable session and acknowledged offset";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE upload_items (
          id               INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id       INTEGER REFERENCES upload_sessions (id) ON DELETE SET NULL,
          source_path      TEXT    NOT NULL UNIQUE,
          sha256           TEXT    NOT NULL
                           CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          size             INTEGER NOT NULL CHECK (size >= 0),
          mtime_ms         INTEGER NOT NULL,
          mime_type        TEXT    NOT NULL,
          service          TEXT    NOT NULL CHECK (service IN ('photos', 'drive')),
          container        TEXT    NOT NULL,
          remote_name      TEXT    NOT NULL,
          state            TEXT    NOT NULL DEFAULT 'pending'
                           CHECK (state IN ('pending', 'uploading', 'uploaded', 'committed',
                                            'failed', 'skipped_duplicate')),
          session_uri      TEXT,
          acked_offset     INTEGER NOT NULL DEFAULT 0 CHECK (acked_offset >= 0 AND acked_offset <= size),
          upload_token     TEXT,
          upload_token_at  INTEGER,
          remote_id        TEXT,
          attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
          next_attempt_at  INTEGER,
          locked_by        TEXT,
          locked_at        INTEGER,
          created_at       INTEGER NOT NULL,
          updated_at       INTEGER NOT NULL,
          CHECK (state <> 'committed' OR remote_id IS NOT NULL)
        );
        CREATE INDEX idx_upload_items_state ON upload_items (state, next_attempt_at);
        CREATE INDEX idx_upload_items_sha256 ON upload_items (sha256);
        CREATE INDEX idx_upload_items_session_id ON upload_items (session_id);
        CREATE UNIQUE INDEX ux_upload_items_live_sha256 ON upload_items (sha256)
          WHERE state IN ('pending', 'uploading', 'uploaded', 'committed')
        """;
  }
}
