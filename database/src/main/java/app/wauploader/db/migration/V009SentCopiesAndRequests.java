package app.wauploader.db.migration;

/**
 * Dated copies and the Photos quota (issue 9).
 *
 * <ul>
 *   <li>{@code upload_transfers}: what an open transfer sends, fixed when it begins, so a resumed
 *       transfer sends the same bytes after a restart: the capture date written into the copy sent
 *       to Google Photos (instant, UTC offset and where the date came from; null when the file's
 *       own bytes are sent), the sent bytes' size and SHA-256, and the chunk granularity the server
 *       asked for ({@code X-Goog-Upload-Chunk-Granularity},
 *       https://developers.google.com/photos/library/guides/resumable-uploads; 256 KiB for Drive).
 *       One row per item with an open transfer; gone when it restarts.
 *   <li>{@code file_hashes.sent_sha256}: the SHA-256 of the bytes Google holds when they differ
 *       from the local file's ({@code hash} stays the local file's: dedup is on it).
 *   <li>{@code api_requests}: requests made per service and quota day (Pacific time: Google's daily
 *       quotas reset at midnight there), so {@code status} can say how much of Photos' 10,000
 *       requests a day (https://developers.google.com/photos/overview/api-limits-quotas) was used.
 * </ul>
 */
final class V009SentCopiesAndRequests extends SqlMigration {
  @Override
  public int version() {
    return 9;
  }

  @Override
  public String description() {
    return "upload_transfers (dated copies, chunk granularity), file_hashes.sent_sha256, api_requests";
  }

  @Override
  String sql() {
    return """
        CREATE TABLE upload_transfers (
          item_id           INTEGER PRIMARY KEY REFERENCES upload_items (id) ON DELETE CASCADE,
          chunk_granularity INTEGER NOT NULL CHECK (chunk_granularity > 0),
          sent_size         INTEGER NOT NULL CHECK (sent_size >= 0),
          sent_sha256       TEXT    NOT NULL
                            CHECK (length(sent_sha256) = 64 AND sent_sha256 NOT GLOB '*[^0-9a-f]*'),
          captured_at       INTEGER,
          captured_offset_s INTEGER CHECK (captured_offset_s BETWEEN -64800 AND 64800),
          captured_source   TEXT    CHECK (captured_source IN ('chat_message', 'file_name', 'mtime')),
          CHECK ((captured_at IS NULL) = (captured_offset_s IS NULL)
                 AND (captured_at IS NULL) = (captured_source IS NULL))
        );
        ALTER TABLE file_hashes ADD COLUMN sent_sha256 TEXT
          CHECK (sent_sha256 IS NULL OR (length(sent_sha256) = 64 AND sent_sha256 NOT GLOB '*[^0-9a-f]*'));
        CREATE TABLE api_requests (
          day      TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          service  TEXT    NOT NULL CHECK (service IN ('photos', 'drive')),
          requests INTEGER NOT NULL CHECK (requests >= 0),
          PRIMARY KEY (day, service)
        ) WITHOUT ROWID
        """;
  }
}
