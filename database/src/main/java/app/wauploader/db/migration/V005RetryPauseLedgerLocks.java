package app.wauploader.db.migration;

/**
 * Crash safety: upload items gain the {@code retrying} and {@code paused} states (SQLite cannot
 * alter a CHECK, so the table is rebuilt with the same columns and data); the chunk ledger records
 * each acknowledged chunk so a resumed transfer can prove the local file is still what was partly
 * sent; sessions gain a lock (owner, heartbeat) and the time a paused session may go on.
 *
 * <p>The table definition repeats migration 2's on purpose: a shipped migration is never edited,
 * and SQLite's table rebuild needs the whole new definition.
 */
final class V005RetryPauseLedgerLocks extends SqlMigration {
  @Override
  public int version() {
    return 5;
  }

  @Override
  public String description() {
    return "upload_items states retrying/paused, upload_chunks ledger, session locks and pause";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE upload_items_v5 (
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
                                            'retrying', 'paused', 'failed', 'skipped_duplicate')),
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
          CHECK (state <> 'committed' OR remote_id IS NOT NULL),
          CHECK ((locked_by IS NULL) = (locked_at IS NULL))
        );
        INSERT INTO upload_items_v5 SELECT * FROM upload_items;
        DROP TABLE upload_items;
        ALTER TABLE upload_items_v5 RENAME TO upload_items;
        CREATE INDEX idx_upload_items_state ON upload_items (state, next_attempt_at);
        CREATE INDEX idx_upload_items_sha256 ON upload_items (sha256);
        CREATE INDEX idx_upload_items_session_id ON upload_items (session_id);
        CREATE INDEX idx_upload_items_locked_by ON upload_items (locked_by);
        CREATE UNIQUE INDEX ux_upload_items_live_sha256 ON upload_items (sha256)
          WHERE state IN ('pending', 'uploading', 'uploaded', 'committed', 'retrying', 'paused');
        CREATE TABLE upload_chunks (
          item_id      INTEGER NOT NULL REFERENCES upload_items (id) ON DELETE CASCADE,
          seq          INTEGER NOT NULL CHECK (seq >= 0),
          chunk_offset INTEGER NOT NULL CHECK (chunk_offset >= 0),
          length       INTEGER NOT NULL CHECK (length > 0),
          sha256       TEXT    NOT NULL
                       CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          acked_at     INTEGER NOT NULL,
          PRIMARY KEY (item_id, seq)
        );
        ALTER TABLE upload_sessions ADD COLUMN locked_by TEXT;
        ALTER TABLE upload_sessions ADD COLUMN locked_at INTEGER;
        ALTER TABLE upload_sessions ADD COLUMN paused_until INTEGER;
        ALTER TABLE upload_sessions ADD COLUMN pause_reason TEXT
        """;
  }
}
