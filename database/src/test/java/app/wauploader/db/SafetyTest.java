package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups, checks, restore, locks and the chunk ledger, on real SQLite files. */
class SafetyTest {
  private static final String SHA = "c".repeat(64);

  @TempDir Path dir;

  @Test
  void aMigrationIsPrecededByABackupOfTheOldSchema() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file, Migrations.upTo(2), Clock.systemUTC())) {
      db.useTransaction(tx -> tx.insert("INSERT INTO upload_sessions (started_at) VALUES (0)"));
    }
    try (Database db = Database.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
    }
    List<Path> backups = new DatabaseBackups(file).list();
    assertThat(backups).hasSize(1);
    try (Database old = Database.open(backups.get(0), Migrations.upTo(2), Clock.systemUTC())) {
      assertThat(old.schemaVersion()).isEqualTo(2);
      assertThat(
              old.<Long>inTransaction(tx -> tx.queryLong("SELECT count(*) FROM upload_sessions")))
          .isEqualTo(1);
    }
  }

  @Test
  void twoProcessesOpeningANewDatabaseAtOnceMigrateItOnce() throws Exception {
    for (int round = 0; round < 30; round++) {
      Path file = dir.resolve("race-" + round + ".db");
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.Callable<Integer> open =
          () -> {
            start.await();
            try (Database db = Database.open(file)) {
              return db.schemaVersion();
            }
          };
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var a = pool.submit(open);
        var b = pool.submit(open);
        assertThat(a.get()).isEqualTo(Migrations.latestVersion());
        assertThat(b.get()).isEqualTo(Migrations.latestVersion());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void onlyTheNewestThreeBackupsAreKept() throws Exception {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      for (int i = 0; i < 5; i++) {
        db.backup();
        Thread.sleep(5);
      }
      assertThat(new DatabaseBackups(db.file()).list()).hasSize(DatabaseBackups.KEEP);
    }
  }

  @Test
  void aCorruptedFileIsRefusedAndTheNewestGoodBackupRestored() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      db.useTransaction(
          tx ->
              tx.fileHashes()
                  .record(
                      SHA,
                      "/a.jpg",
                      "a.jpg",
                      1,
                      "image/jpeg",
                      Service.PHOTOS,
                      "m1",
                      Optional.empty(),
                      Optional.empty()));
      db.backup();
      for (int i = 0; i < 200; i++) {
        String path = "/later-" + i + ".jpg";
        db.useTransaction(tx -> tx.config().put(path, "{\"filler\":\"" + "x".repeat(400) + "\"}"));
      }
      assertThat(db.check()).isEmpty();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(4096 + 100);
      raf.write(new byte[8192]);
      raf.seek(4096 * 3);
      raf.write("garbage garbage garbage garbage".repeat(100).getBytes());
    }
    assertThatThrownBy(() -> Database.open(file).close())
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining("restore the newest good backup")
        .matches(e -> ((DatabaseException) e).isCorrupt());

    Path restored = new DatabaseBackups(file).restore(Optional.empty());
    assertThat(restored).exists();
    try (Database db = Database.open(file)) {
      assertThat(db.check()).isEmpty();
      assertThat(db.<Optional<FileHash>>inTransaction(tx -> tx.fileHashes().find(SHA))).isPresent();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.contains(".replaced-"));
    }
  }

  @Test
  void restoreWithoutBackupsSaysSo() {
    assertThatThrownBy(() -> new DatabaseBackups(dir.resolve("none.db")).restore(Optional.empty()))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("no backups");
  }

  @Test
  void anItemLockIsExclusiveUntilReleasedOrStale() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long session = db.inTransaction(tx -> tx.sessions().start("[]"));
      long id = insertVideo(db, session, 10);
      long now = System.currentTimeMillis();
      assertThat(db.<Boolean>inTransaction(tx -> tx.itemLocks().claim(id, "a:1", now - 60_000)))
          .isTrue();
      assertThat(db.<Boolean>inTransaction(tx -> tx.itemLocks().claim(id, "b:2", now - 60_000)))
          .isFalse();
      assertThat(db.<Boolean>inTransaction(tx -> tx.itemLocks().claim(id, "a:1", now - 60_000)))
          .isTrue();
      assertThat(db.<Optional<String>>inTransaction(tx -> tx.itemLocks().lockOwner(id)))
          .contains("a:1");
      // a:1 stops sending heartbeats: after the timeout its lock is stale and b:2 may take it.
      assertThat(db.<Boolean>inTransaction(tx -> tx.itemLocks().claim(id, "b:2", now + 60_000)))
          .isTrue();
      db.useTransaction(tx -> tx.itemLocks().release(id, "b:2"));
      assertThat(db.<Optional<String>>inTransaction(tx -> tx.itemLocks().lockOwner(id))).isEmpty();
    }
  }

  @Test
  void theLedgerIsClearedWhenTheTransferRestarts() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long session = db.inTransaction(tx -> tx.sessions().start("[]"));
      long id = insertVideo(db, session, 1000);
      db.useTransaction(
          tx ->
              tx.chunks()
                  .record(
                      id,
                      List.of(
                          new LedgerChunk(0, 0, 256, "a".repeat(64)),
                          new LedgerChunk(1, 256, 256, "b".repeat(64)))));
      assertThat(db.<List<LedgerChunk>>inTransaction(tx -> tx.chunks().forItem(id)))
          .extracting(LedgerChunk::seq)
          .containsExactly(0, 1);
      db.useTransaction(tx -> tx.items().resetTransfer(id));
      assertThat(db.<List<LedgerChunk>>inTransaction(tx -> tx.chunks().forItem(id))).isEmpty();
      db.useTransaction(
          tx -> tx.chunks().record(id, List.of(new LedgerChunk(0, 0, 256, "a".repeat(64)))));
      db.useTransaction(tx -> tx.items().markCommitted(id, "remote-1"));
      assertThat(db.<List<LedgerChunk>>inTransaction(tx -> tx.chunks().forItem(id))).isEmpty();
    }
  }

  @Test
  void retryingAndPausedItemsAreDueOnlyAfterTheirTime() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long session = db.inTransaction(tx -> tx.sessions().start("[]"));
      long id = insertVideo(db, session, 1000);
      long now = System.currentTimeMillis();
      db.useTransaction(tx -> tx.items().markPaused(id, now + 3_600_000));
      assertThat(db.<List<UploadItem>>inTransaction(tx -> tx.items().due(Optional.empty(), now, 0)))
          .isEmpty();
      assertThat(
              db.<List<UploadItem>>inTransaction(
                  tx -> tx.items().due(Optional.of(session), now + 3_600_001, 0)))
          .hasSize(1);
      db.useTransaction(tx -> tx.items().startTransfer(id, "http://x/1"));
      db.useTransaction(
          tx -> tx.items().markRetrying(id, now, app.wauploader.domain.FailureReason.SERVER));
      db.useTransaction(tx -> tx.items().wake(id));
      assertThat(
              db.<Optional<UploadItem>>inTransaction(tx -> tx.items().find(id))
                  .orElseThrow()
                  .state())
          .isEqualTo(ItemState.UPLOADING);
    }
  }

  /** Inserts a pending Photos item {@code /v.mp4} of {@code size} bytes; returns its id. */
  private static long insertVideo(Database db, long session, long size) {
    return db.inTransaction(
        tx ->
            tx.items()
                .insert(
                    new NewUploadItem(
                        session,
                        "/v.mp4",
                        SHA,
                        size,
                        1,
                        "video/mp4",
                        Service.PHOTOS,
                        "WhatsApp Video",
                        "v.mp4",
                        ItemState.PENDING)));
  }
}
