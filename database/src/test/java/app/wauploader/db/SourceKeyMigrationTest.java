package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.FailureReason;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 6: paths become {@code fs:} source keys; failure classes become reasons. */
class SourceKeyMigrationTest {
  private static final String SHA = "a".repeat(64);

  @TempDir Path dir;

  @Test
  void pathsBecomeFileKeysAndFailureClassesBecomeReasons() {
    Path file = dir.resolve("v5.db");
    long session;
    try (Database db = Database.open(file, Migrations.upTo(5), Clock.systemUTC())) {
      session =
          db.inTransaction(tx -> tx.insert("INSERT INTO upload_sessions (started_at) VALUES (0)"));
      db.useTransaction(
          tx -> {
            tx.update(
                "INSERT INTO upload_items (session_id, source_path, sha256, size, mtime_ms,"
                    + " mime_type, service, container, remote_name, state, created_at, updated_at)"
                    + " VALUES (?, '/sdcard/a b.jpg', ?, 3, 1, 'image/jpeg', 'photos',"
                    + " 'WhatsApp Images', 'a b.jpg', 'pending', 0, 0)",
                session,
                SHA);
            tx.update(
                "INSERT INTO scan_cache (path, size, mtime_ms, sha256, mime_type, scanned_at)"
                    + " VALUES ('/sdcard/a b.jpg', 3, 1, ?, 'image/jpeg', 0)",
                SHA);
            for (String[] row :
                new String[][] {
                  {"transient", "Drive upload connection failed (refused)"},
                  {"transient", "Drive upload failed on Google's side (HTTP 503)"},
                  {"quota_exhausted", "daily quota used up"},
                  {"fatal", "Google storage is full (x)"},
                  {"fatal", "refused: not signed in"},
                  {"permanent", "checksum mismatch after upload"},
                  {"unreadable", "cannot read file: permission denied"},
                  {"expired_token", "token refused"},
                  {"permanent", "Photos batchCreate item rejected (code 3)"}
                }) {
              tx.update(
                  "INSERT INTO upload_errors (session_id, file_path, error_type, error_message,"
                      + " retry_count, occurred_at) VALUES (?, '/sdcard/a b.jpg', ?, ?, 0, 0)",
                  session,
                  row[0],
                  row[1]);
            }
          });
    }
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
      assertThat(
              db.<Optional<UploadItem>>inTransaction(
                  tx -> tx.items().findByKey("fs:/sdcard/a b.jpg")))
          .get()
          .extracting(UploadItem::sha256)
          .isEqualTo(SHA);
      assertThat(
              db.<Optional<ScanEntry>>inTransaction(
                  tx -> tx.scanCache().find("fs:/sdcard/a b.jpg", 3, 1)))
          .isPresent();
      List<UploadError> errors = db.inTransaction(tx -> tx.errors().forSession(session));
      assertThat(errors)
          .extracting(UploadError::reason)
          .containsExactly(
              FailureReason.NETWORK,
              FailureReason.SERVER,
              FailureReason.DAILY_QUOTA,
              FailureReason.STORAGE_FULL,
              FailureReason.UNAUTHORIZED,
              FailureReason.CHECKSUM_MISMATCH,
              FailureReason.SOURCE_UNREADABLE,
              FailureReason.RECEIPT_EXPIRED,
              FailureReason.REJECTED);
    }
  }
}
