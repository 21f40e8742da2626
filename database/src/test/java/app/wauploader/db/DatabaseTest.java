package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  @TempDir Path dir;

  @Test
  void everyConnectionHasTheSpecifiedPragmas() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThat(db.pragma("journal_mode")).isEqualTo("wal");
      assertThat(db.pragma("foreign_keys")).isEqualTo("1");
      assertThat(db.pragma("synchronous")).isEqualTo("1"); // NORMAL
      assertThat(db.pragma("temp_store")).isEqualTo("2"); // MEMORY
      assertThat(db.pragma("cache_size")).isEqualTo("-64000");
      assertThat(db.pragma("busy_timeout")).isEqualTo(Integer.toString(Database.BUSY_TIMEOUT_MS));
    }
  }

  @Test
  void migrationsAreRecordedOncePerVersion() {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
    }
    try (Database db = Database.open(file)) {
      List<Long> versions =
          db.inTransaction(
              tx ->
                  tx.query(
                      "SELECT version FROM schema_migrations ORDER BY version",
                      rs -> rs.getLong(1)));
      assertThat(versions).hasSize(Migrations.latestVersion());
      assertThat(versions.get(0)).isEqualTo(1L);
    }
  }

  @Test
  void aDatabaseAtAnOlderSchemaIsMigratedKeepingItsRows() {
    Path file = dir.resolve("old.db");
    try (Database db = Database.open(file, Migrations.upTo(1), Clock.systemUTC())) {
      assertThat(db.schemaVersion()).isEqualTo(1);
      db.useTransaction(
          tx -> {
            long session =
                tx.insert(
                    "INSERT INTO upload_sessions (started_at, source_roots) VALUES (0, ?)",
                    "[\"/sdcard\"]");
            tx.update(
                "INSERT INTO file_hashes (hash, file_path, file_size, upload_service, upload_id,"
                    + " session_id, uploaded_at) VALUES (?, '/sdcard/a.jpg', 10, 'photos', 'm1',"
                    + " ?, 0)",
                SHA_A,
                session);
          });
    }
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
      assertThat(fileHash(db, SHA_A)).get().extracting(FileHash::uploadId).isEqualTo("m1");
      assertThat(fileHash(db, SHA_A)).get().extracting(FileHash::fileName).isEqualTo("a.jpg");
      assertThat(db.<Long>inTransaction(tx -> tx.scanCache().count())).isZero();
    }
  }

  @Test
  void aDatabaseFromANewerBuildIsRefused() {
    Path file = dir.resolve("new.db");
    try (Database db = Database.open(file)) {
      db.useTransaction(
          tx ->
              tx.update(
                  "INSERT INTO schema_migrations VALUES (?, 0, 'from the future')",
                  Migrations.latestVersion() + 1));
    }
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("newer than this wa-uploader");
  }

  @Test
  void aFileThatIsNotADatabaseFailsWithAnActionableMessage() throws Exception {
    Path file = dir.resolve("corrupt.db");
    Files.write(
        file,
        "this is not sqlite at all, but long enough to look like a header"
            .repeat(100)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining("restore the newest good backup")
        .matches(e -> ((DatabaseException) e).isCorrupt());
  }

  @Test
  void aTransactionThatThrowsLeavesNoTrace() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThatThrownBy(
              () ->
                  db.useTransaction(
                      tx -> {
                        tx.sessions().start("[]");
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(db.<List<UploadSession>>inTransaction(tx -> tx.sessions().latest(10))).isEmpty();
    }
  }

  @Test
  void checksRejectMalformedHashesAndServices() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThatThrownBy(
              () ->
                  db.useTransaction(
                      tx ->
                          tx.update(
                              "INSERT INTO file_hashes (hash, file_path, file_name, file_size,"
                                  + " mime_type, upload_service, upload_id, uploaded_at)"
                                  + " VALUES ('ABC', 'p', 'p', 1, 'image/jpeg', 'photos', 'x', 0)")))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("CHECK");
      assertThatThrownBy(
              () ->
                  db.useTransaction(
                      tx ->
                          tx.update(
                              "INSERT INTO file_hashes (hash, file_path, file_name, file_size,"
                                  + " mime_type, upload_service, upload_id, uploaded_at)"
                                  + " VALUES (?, 'p', 'p', 1, 'image/jpeg', 'dropbox', 'x', 0)",
                              SHA_A)))
          .hasMessageContaining("CHECK");
      assertThatThrownBy(() -> db.useTransaction(tx -> tx.config().put("k", "{not json")))
          .hasMessageContaining("CHECK");
    }
  }

  @Test
  void deletingASessionCascadesToItsErrors() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long session =
          db.inTransaction(
              tx -> {
                long id = tx.sessions().start("[]");
                tx.errors().record(id, "/a", FailureReason.REJECTED, "too large", 0);
                return id;
              });
      db.useTransaction(tx -> tx.update("DELETE FROM upload_sessions WHERE id = ?", session));
      assertThat(db.<List<UploadError>>inTransaction(tx -> tx.errors().latest(10))).isEmpty();
    }
  }

  @Test
  void onlyOneLiveItemMayOwnAContentHash() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long session = db.inTransaction(tx -> tx.sessions().start("[]"));
      db.useTransaction(tx -> tx.items().insert(item(session, "/a.jpg", SHA_A, ItemState.PENDING)));
      db.useTransaction(
          tx -> tx.items().insert(item(session, "/b.jpg", SHA_A, ItemState.SKIPPED_DUPLICATE)));
      assertThatThrownBy(
              () ->
                  db.useTransaction(
                      tx -> tx.items().insert(item(session, "/c.jpg", SHA_A, ItemState.PENDING))))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("UNIQUE");
      db.useTransaction(tx -> tx.items().insert(item(session, "/d.jpg", SHA_B, ItemState.PENDING)));
      assertThat(db.<java.util.Map<ItemState, Long>>inTransaction(tx -> tx.items().countByState()))
          .containsEntry(ItemState.PENDING, 2L)
          .containsEntry(ItemState.SKIPPED_DUPLICATE, 1L);
    }
  }

  @Test
  void anItemWalksThroughItsStatesAndKeepsItsTransfer() throws SQLException {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long session = db.inTransaction(tx -> tx.sessions().start("[]"));
      long id =
          db.inTransaction(
              tx -> tx.items().insert(item(session, "/v.mp4", SHA_A, ItemState.PENDING)));
      db.useTransaction(tx -> tx.items().countAttempt(id));
      db.useTransaction(tx -> tx.items().startTransfer(id, "http://127.0.0.1/upload?id=1"));
      db.useTransaction(tx -> tx.items().acknowledge(id, 512));
      UploadItem uploading = db.inTransaction(tx -> tx.items().find(id)).orElseThrow();
      assertThat(uploading.state()).isEqualTo(ItemState.UPLOADING);
      assertThat(uploading.ackedOffset()).isEqualTo(512);
      assertThat(uploading.attempts()).isEqualTo(1);
      assertThat(uploading.sessionUri()).contains("http://127.0.0.1/upload?id=1");

      db.useTransaction(tx -> tx.items().markUploaded(id, Optional.of("token-1")));
      UploadItem uploaded = db.inTransaction(tx -> tx.items().find(id)).orElseThrow();
      assertThat(uploaded.ackedOffset()).isEqualTo(1000);
      assertThat(uploaded.uploadToken()).contains("token-1");
      assertThat(uploaded.uploadTokenAt()).isPresent();

      assertThatThrownBy(() -> db.useTransaction(tx -> tx.items().acknowledge(id, 1001)))
          .hasMessageContaining("CHECK");
      db.useTransaction(tx -> tx.items().markCommitted(id, "media-1"));
      assertThat(db.inTransaction(tx -> tx.items().find(id)).orElseThrow().state())
          .isEqualTo(ItemState.COMMITTED);
      assertThat(
              db.<List<UploadItem>>inTransaction(
                  tx -> tx.items().due(java.util.Optional.empty(), Long.MAX_VALUE, 0)))
          .isEmpty();
    }
  }

  @Test
  void theScanCacheAnswersOnlyForTheSameSizeAndMtime() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      db.useTransaction(
          tx ->
              tx.scanCache()
                  .putAll(List.of(new ScanEntry("/a.jpg", 10, 1000, SHA_A, "image/jpeg"))));
      assertThat(
              db.<Optional<ScanEntry>>inTransaction(tx -> tx.scanCache().find("/a.jpg", 10, 1000)))
          .isPresent();
      assertThat(
              db.<Optional<ScanEntry>>inTransaction(tx -> tx.scanCache().find("/a.jpg", 11, 1000)))
          .isEmpty();
      assertThat(
              db.<Optional<ScanEntry>>inTransaction(tx -> tx.scanCache().find("/a.jpg", 10, 1001)))
          .isEmpty();
      db.useTransaction(
          tx ->
              tx.scanCache()
                  .putAll(List.of(new ScanEntry("/a.jpg", 11, 1001, SHA_B, "image/jpeg"))));
      assertThat(
              db.<Optional<ScanEntry>>inTransaction(tx -> tx.scanCache().find("/a.jpg", 11, 1001)))
          .get()
          .extracting(ScanEntry::sha256)
          .isEqualTo(SHA_B);
    }
  }

  @Test
  void containersAreRememberedPerService() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      db.useTransaction(tx -> tx.containers().put(Service.PHOTOS, "WhatsApp Images", "album-1"));
      assertThat(
              db.<Optional<String>>inTransaction(
                  tx -> tx.containers().find(Service.PHOTOS, "WhatsApp Images")))
          .contains("album-1");
      assertThat(
              db.<Optional<String>>inTransaction(
                  tx -> tx.containers().find(Service.DRIVE, "WhatsApp Images")))
          .isEmpty();
    }
  }

  private static Optional<FileHash> fileHash(Database db, String sha) {
    return db.inTransaction(tx -> tx.fileHashes().find(sha));
  }

  private static NewUploadItem item(long session, String path, String sha, ItemState state) {
    return new NewUploadItem(
        session,
        path,
        sha,
        1000,
        1,
        "video/mp4",
        Service.PHOTOS,
        "WhatsApp Video",
        Path.of(path).getFileName().toString(),
        state);
  }
}
