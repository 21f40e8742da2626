package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.db.migration.Migrations;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 7: a database at schema 6 gains the seed spec's columns and index names, filled from
 * what it holds, and the chat tables.
 */
class SeedSchemaMigrationTest {
  private static final String SHA = "b".repeat(64);

  @TempDir Path dir;

  @Test
  void previousSchemaGainsTheSeedColumnsAndIndexesFilled() throws Exception {
    Path file = dir.resolve("v6.db");
    try (Database db = Database.open(file, Migrations.upTo(6), Clock.systemUTC())) {
      db.useTransaction(
          tx -> {
            long session =
                tx.insert(
                    "INSERT INTO upload_sessions (started_at, finished_at, status)"
                        + " VALUES (1000, 5000, 'completed')");
            tx.update(
                "INSERT INTO upload_items (session_id, source_key, sha256, size, mtime_ms,"
                    + " mime_type, service, container, remote_name, state, remote_id,"
                    + " created_at, updated_at) VALUES (?, 'fs:/sdcard/WhatsApp Images/IMG-1.jpg',"
                    + " ?, 3, 1, 'image/jpeg', 'photos', 'WhatsApp Images', 'IMG-1.jpg',"
                    + " 'committed', 'm1', 0, 0)",
                session,
                SHA);
            tx.update(
                "INSERT INTO file_hashes (hash, file_path, file_size, upload_service, upload_id,"
                    + " session_id, uploaded_at) VALUES (?, '/sdcard/WhatsApp Images/IMG-1.jpg',"
                    + " 3, 'photos', 'm1', ?, 4000)",
                SHA,
                session);
            tx.update(
                "INSERT INTO file_hashes (hash, file_path, file_size, upload_service, upload_id,"
                    + " uploaded_at) VALUES (?, 'doc.pdf', 9, 'drive', 'd1', 4000)",
                "c".repeat(64));
          });
    }
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
      assertThat(db.check()).isEmpty();
      FileHash photo = db.<Optional<FileHash>>read(tx -> tx.fileHashes().find(SHA)).orElseThrow();
      assertThat(photo.fileName()).isEqualTo("IMG-1.jpg");
      assertThat(photo.mimeType()).isEqualTo("image/jpeg");
      assertThat(photo.chatId()).isEmpty();
      FileHash doc =
          db.<Optional<FileHash>>read(tx -> tx.fileHashes().find("c".repeat(64))).orElseThrow();
      assertThat(doc.fileName()).isEqualTo("doc.pdf");
      assertThat(doc.mimeType()).isEqualTo("application/octet-stream");
      UploadSession session = db.<List<UploadSession>>read(tx -> tx.sessions().latest(1)).get(0);
      assertThat(session.lastUpdate()).contains(Instant.ofEpochMilli(5000));
      assertThat(session.chatId()).isEmpty();
      assertThat(indexes(db))
          .contains(
              "idx_upload_sessions_status",
              "idx_upload_sessions_chat_id",
              "idx_file_hashes_chat_id",
              "idx_file_hashes_service",
              "idx_upload_errors_session_id",
              "idx_upload_errors_timestamp",
              "idx_config_updated_at")
          .doesNotContain("idx_file_hashes_upload_service");
      assertThat(columns(db, "upload_sessions"))
          .contains("chat_id", "chat_name", "last_update", "last_processed_file");
      assertThat(columns(db, "file_hashes")).contains("file_name", "mime_type", "chat_id");
      assertThat(db.rowCounts())
          .containsKeys("chats", "chat_messages", "chat_attachments", "content_chats");
    }
  }

  @Test
  void sessionsOfAChatCarryItAndTrackTheirLastFile() {
    try (Database db = Database.open(dir.resolve("new.db"))) {
      long id =
          db.inTransaction(
              tx -> tx.sessions().start("[]", Optional.of("c1"), Optional.of("Family")));
      db.useTransaction(tx -> tx.sessions().addCounts(id, "/a/IMG-2.jpg", 1, 1, 0, 0, 3));
      db.useTransaction(tx -> tx.sessions().addCounts(id, null, 0, 0, 0, 0, 0));
      UploadSession s = db.<Optional<UploadSession>>read(tx -> tx.sessions().find(id)).get();
      assertThat(s.chatId()).contains("c1");
      assertThat(s.chatName()).contains("Family");
      assertThat(s.lastProcessedFile()).contains("/a/IMG-2.jpg");
      assertThat(s.lastUpdate()).isPresent();
    }
  }

  private static List<String> indexes(Database db) {
    return db.read(
        tx ->
            tx.query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE"
                    + " 'sqlite_%'",
                rs -> rs.getString(1)));
  }

  private static List<String> columns(Database db, String table) throws SQLException {
    return db.read(
        tx -> tx.query("SELECT name FROM pragma_table_info(?)", rs -> rs.getString(1), table));
  }
}
