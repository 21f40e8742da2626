package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.db.migration.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#openSnapshot}: a copy in memory for dry runs; nothing on disk changes. */
class SnapshotTest {
  @TempDir Path dir;

  @Test
  void aSnapshotReadsTheFileAndWritesOnlyToMemory() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      db.useTransaction(tx -> tx.config().put("on-disk", "{}"));
      db.backup();
    }
    Map<String, String> before = DiskState.listing(dir);
    Thread.sleep(20); // any write would now show in an mtime

    try (Database snapshot = Database.openSnapshot(file)) {
      assertThat(snapshot.isSnapshot()).isTrue();
      assertThat(snapshot.file()).isEqualTo(file.toAbsolutePath());
      assertThat(snapshot.schemaVersion()).isEqualTo(Migrations.latestVersion());
      assertThat(snapshot.<Optional<String>>read(tx -> tx.config().get("on-disk"))).contains("{}");
      snapshot.useTransaction(tx -> tx.config().put("in-memory", "{}"));
      snapshot.useTransaction(tx -> tx.sessions().start("[]"));
      assertThat(snapshot.<Optional<String>>read(tx -> tx.config().get("in-memory")))
          .contains("{}");
      assertThatThrownBy(snapshot::backup)
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("snapshot");
      snapshot.vacuum();
    }

    assertThat(DiskState.listing(dir)).isEqualTo(before);
    try (Database db = Database.open(file)) {
      assertThat(db.isSnapshot()).isFalse();
      assertThat(db.<Optional<String>>read(tx -> tx.config().get("in-memory"))).isEmpty();
    }
  }

  @Test
  void aPathWithUriSpecialCharactersIsCopiedAsIs() throws Exception {
    Path plain = dir.resolve("plain").resolve("wa.db");
    try (Database db = Database.open(plain)) {
      db.useTransaction(tx -> tx.config().put("k", "{}"));
    }
    // Copied: the jdbc:sqlite: URL of Database.open itself cuts a path at '?'.
    Path file = Files.createDirectory(dir.resolve("a b#c?d%20e&mode=rw ü")).resolve("wa?.db");
    Files.copy(plain, file);
    Map<String, String> before = DiskState.listing(dir);
    try (Database snapshot = Database.openSnapshot(file)) {
      assertThat(snapshot.<Optional<String>>read(tx -> tx.config().get("k"))).contains("{}");
    }
    assertThat(DiskState.listing(dir)).isEqualTo(before);
  }

  @Test
  void aSnapshotOfAMissingFileIsAFreshDatabaseAndCreatesNothing() {
    Path parent = dir.resolve("not-yet");
    Path file = parent.resolve("wa.db");
    try (Database snapshot = Database.openSnapshot(file)) {
      assertThat(snapshot.schemaVersion()).isEqualTo(Migrations.latestVersion());
      snapshot.useTransaction(tx -> tx.config().put("k", "{}"));
      assertThat(snapshot.<Optional<String>>read(tx -> tx.config().get("k"))).contains("{}");
      assertThat(snapshot.file()).isEqualTo(file.toAbsolutePath());
    }
    assertThat(file).doesNotExist();
    assertThat(parent).doesNotExist();
    assertThat(DiskState.listing(dir)).isEmpty();
  }

  @Test
  void anOlderSchemaIsMigratedInMemoryWithoutABackup() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file, Migrations.upTo(2), Clock.systemUTC())) {
      db.useTransaction(tx -> tx.insert("INSERT INTO upload_sessions (started_at) VALUES (0)"));
    }
    Map<String, String> before = DiskState.listing(dir);
    Thread.sleep(20);

    try (Database snapshot = Database.openSnapshot(file)) {
      assertThat(snapshot.schemaVersion()).isEqualTo(Migrations.latestVersion());
      assertThat(snapshot.<Long>read(tx -> tx.queryLong("SELECT count(*) FROM upload_sessions")))
          .isEqualTo(1);
      assertThat(snapshot.<Long>read(tx -> tx.scanCache().count())).isZero();
    }

    assertThat(DiskState.listing(dir)).isEqualTo(before);
    assertThat(dir.resolve("backups")).doesNotExist();
    try (Database db = Database.open(file, Migrations.upTo(2), Clock.systemUTC())) {
      assertThat(db.schemaVersion()).isEqualTo(2);
    }
  }

  /**
   * Another process has the database open: committed rows still in its -wal are in the snapshot,
   * its uncommitted ones are not, and its -wal and -shm are not touched.
   */
  @Test
  void aSnapshotWhileAnotherProcessWritesSeesItsCommittedRowsOnly() throws Exception {
    Path file = dir.resolve("wa.db");
    Database.open(file).close();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("PRAGMA wal_autocheckpoint = 0");
      statement.execute(
          "INSERT INTO config (key, value, updated_at) VALUES ('committed-in-wal', '{}', 0)");
      statement.execute("BEGIN IMMEDIATE");
      statement.execute(
          "INSERT INTO config (key, value, updated_at) VALUES ('uncommitted', '{}', 0)");
      assertThat(Files.size(Paths.get(file + "-wal"))).isPositive();
      Map<String, String> before = DiskState.listing(dir);
      Thread.sleep(20);

      try (Database snapshot = Database.openSnapshot(file)) {
        assertThat(
                snapshot.<List<String>>read(
                    tx -> tx.query("SELECT key FROM config ORDER BY key", rs -> rs.getString(1))))
            .containsExactly("committed-in-wal");
        snapshot.useTransaction(tx -> tx.config().put("in-memory", "{}"));
      }

      assertThat(DiskState.listing(dir)).isEqualTo(before);
      statement.execute("ROLLBACK");
    }
  }

  /**
   * A crash left a -wal with committed changes and its -shm, and no process has them open: the
   * snapshot has the changes, and neither file is written (a read-write or plain read-only open
   * would rebuild the -shm, a checkpoint would write the database file).
   */
  @Test
  void aSnapshotOfCrashLeftoversReadsTheWalWithoutTouchingIt() throws Exception {
    Path live = dir.resolve("live");
    Path crashed = Files.createDirectory(dir.resolve("crashed"));
    Path file = live.resolve("wa.db");
    Database.open(file).close();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("PRAGMA wal_autocheckpoint = 0");
      statement.execute("INSERT INTO config (key, value, updated_at) VALUES ('in-wal', '{}', 0)");
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.copy(
            Paths.get(file + suffix),
            Paths.get(crashed.resolve("wa.db") + suffix),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Map<String, String> before = DiskState.listing(crashed);
    Thread.sleep(20);

    try (Database snapshot = Database.openSnapshot(crashed.resolve("wa.db"))) {
      assertThat(snapshot.<Optional<String>>read(tx -> tx.config().get("in-wal"))).contains("{}");
    }

    assertThat(DiskState.listing(crashed)).isEqualTo(before);
  }

  /** A crash left a -wal with changes but no -shm: reading it would need writing one. */
  @Test
  void aWalWithoutItsShmIsRefusedUntouched() throws Exception {
    Path live = dir.resolve("live");
    Path crashed = Files.createDirectory(dir.resolve("crashed"));
    Path file = live.resolve("wa.db");
    Database.open(file).close();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("PRAGMA wal_autocheckpoint = 0");
      statement.execute("INSERT INTO config (key, value, updated_at) VALUES ('k', '{}', 0)");
      for (String suffix : List.of("", "-wal")) {
        Files.copy(
            Paths.get(file + suffix),
            Paths.get(crashed.resolve("wa.db") + suffix),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Map<String, String> before = DiskState.listing(crashed);

    assertThatThrownBy(() -> Database.openSnapshot(crashed.resolve("wa.db")))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining(crashed.resolve("wa.db").toString())
        .hasMessageContaining("no -shm");

    assertThat(DiskState.listing(crashed)).isEqualTo(before);
  }

  @Test
  void aSnapshotOfAFileThatIsNotADatabaseSaysCorrupt() throws Exception {
    Path file = dir.resolve("wa.db");
    Files.write(file, "not a database, but long enough".repeat(200).getBytes());
    assertThatThrownBy(() -> Database.openSnapshot(file))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining(file.toString());
  }
}
