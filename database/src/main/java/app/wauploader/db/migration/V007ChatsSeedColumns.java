package app.wauploader.db.migration;

/**
 * Chats, and the seed schema whole (the seed spec, {@code shared/seeds/003_…}: {@code
 * TASK-008-database-spec.md}).
 *
 * <p>Seed columns where ours differed: {@code upload_sessions} gains {@code chat_id}, {@code
 * chat_name} (the chat a {@code --chat} session backs up, NULL for a whole-phone session), {@code
 * last_update} (epoch ms of the session's last change) and {@code last_processed_file} (the last
 * file whose outcome it counted); {@code file_hashes} gains {@code file_name} and {@code mime_type}
 * (NOT NULL as in the seed; SQLite cannot add NOT NULL columns without a default, so the table is
 * rebuilt and the columns are filled from the path and from {@code upload_items}). The seed's index
 * names exist: {@code idx_upload_sessions_chat_id}, {@code idx_file_hashes_service} (our {@code
 * idx_file_hashes_upload_service} renamed), {@code idx_upload_errors_timestamp} (on {@code
 * occurred_at}, our name of the seed's {@code timestamp}), {@code idx_config_updated_at}. Times
 * stay epoch milliseconds, and {@code file_hashes.chat_id} stays NULL for media of no known chat.
 *
 * <p>New tables: {@code chats} (one row per imported chat export, {@code position} is import order:
 * the first chat of a content is the one imported first), {@code chat_messages} (one key per
 * message with a sender, so a re-imported newer export adds only new messages), {@code
 * chat_attachments} (file names an export mentions, where a file of that name was found and its
 * content), {@code content_chats} (one content in many chats, and the remote entry that files it in
 * that chat's album or folder once placed).
 */
final class V007ChatsSeedColumns extends SqlMigration {
  @Override
  public int version() {
    return 7;
  }

  @Override
  public String description() {
    return "chats, chat messages and attachments, content per chat; seed columns and indexes";
  }

  @Override
  String sql() {
    return """
        ALTER TABLE upload_sessions ADD COLUMN chat_id TEXT;
        ALTER TABLE upload_sessions ADD COLUMN chat_name TEXT;
        ALTER TABLE upload_sessions ADD COLUMN last_update INTEGER;
        ALTER TABLE upload_sessions ADD COLUMN last_processed_file TEXT;
        UPDATE upload_sessions SET last_update = max(started_at,
          coalesce(finished_at, 0), coalesce(locked_at, 0));
        CREATE INDEX idx_upload_sessions_chat_id ON upload_sessions (chat_id);
        CREATE TABLE file_hashes_v7 (
          hash           TEXT    PRIMARY KEY
                         CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
          file_path      TEXT    NOT NULL,
          file_name      TEXT    NOT NULL,
          file_size      INTEGER NOT NULL CHECK (file_size >= 0),
          mime_type      TEXT    NOT NULL,
          upload_service TEXT    NOT NULL CHECK (upload_service IN ('photos', 'drive')),
          upload_id      TEXT    NOT NULL,
          chat_id        TEXT,
          session_id     INTEGER REFERENCES upload_sessions (id) ON DELETE SET NULL,
          uploaded_at    INTEGER NOT NULL
        );
        INSERT INTO file_hashes_v7 (hash, file_path, file_name, file_size, mime_type,
            upload_service, upload_id, chat_id, session_id, uploaded_at)
          SELECT hash, file_path,
            replace(file_path, rtrim(file_path, replace(file_path, '/', '')), ''),
            file_size,
            coalesce((SELECT i.mime_type FROM upload_items i WHERE i.sha256 = f.hash
                      ORDER BY i.state = 'committed' DESC, i.id LIMIT 1),
                     'application/octet-stream'),
            upload_service, upload_id, chat_id, session_id, uploaded_at
          FROM file_hashes f;
        DROP TABLE file_hashes;
        ALTER TABLE file_hashes_v7 RENAME TO file_hashes;
        CREATE INDEX idx_file_hashes_service ON file_hashes (upload_service);
        CREATE INDEX idx_file_hashes_chat_id ON file_hashes (chat_id);
        CREATE INDEX idx_file_hashes_session_id ON file_hashes (session_id);
        CREATE INDEX idx_upload_errors_timestamp ON upload_errors (occurred_at);
        CREATE INDEX idx_config_updated_at ON config (updated_at);
        CREATE TABLE chats (
          id               TEXT    PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
          name             TEXT    NOT NULL CHECK (length(name) > 0),
          format           TEXT    NOT NULL,
          export_name      TEXT    NOT NULL,
          first_message_at INTEGER,
          last_message_at  INTEGER,
          position         INTEGER NOT NULL UNIQUE,
          imported_at      INTEGER NOT NULL,
          updated_at       INTEGER NOT NULL
        );
        CREATE TABLE chat_messages (
          chat_id     TEXT    NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
          message_key TEXT    NOT NULL,
          sent_at     INTEGER NOT NULL,
          sender      TEXT    NOT NULL,
          PRIMARY KEY (chat_id, message_key)
        ) WITHOUT ROWID;
        CREATE TABLE chat_attachments (
          chat_id    TEXT    NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
          file_name  TEXT    NOT NULL,
          sent_at    INTEGER NOT NULL,
          sender     TEXT    NOT NULL,
          caption    TEXT    NOT NULL DEFAULT '',
          source_key TEXT,
          sha256     TEXT    CHECK (sha256 IS NULL
                                    OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
          PRIMARY KEY (chat_id, file_name)
        );
        CREATE INDEX idx_chat_attachments_file_name ON chat_attachments (file_name);
        CREATE INDEX idx_chat_attachments_sha256 ON chat_attachments (sha256);
        CREATE TABLE content_chats (
          sha256    TEXT    NOT NULL
                    CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          chat_id   TEXT    NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
          linked_at INTEGER NOT NULL,
          placed_id TEXT,
          placed_at INTEGER,
          PRIMARY KEY (sha256, chat_id),
          CHECK ((placed_id IS NULL) = (placed_at IS NULL))
        );
        CREATE INDEX idx_content_chats_chat_id ON content_chats (chat_id);
        CREATE INDEX idx_content_chats_unplaced ON content_chats (chat_id) WHERE placed_at IS NULL
        """;
  }
}
