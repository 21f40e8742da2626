package app.wauploader.db;

import static app.wauploader.db.DiskState.assumePosix;
import static app.wauploader.db.DiskState.mode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database, its -wal/-shm and its backups are readable by their owner only. */
class OwnerOnlyFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() throws Exception {
    assumePosix(dir);
  }

  @Test
  void aNewDatabaseAndItsWalAreOwnerOnlyAndItsNewDirectoriesPrivate() {
    Path parent = dir.resolve("data");
    Path file = parent.resolve("sub").resolve("wa.db");
    try (Database db = Database.open(file)) {
      db.useTransaction(tx -> tx.config().put("k", "{}"));
      // SQLite gives -wal and -shm the database file's mode: checked while they exist (open).
      Path wal = Paths.get(file + "-wal");
      Path shm = Paths.get(file + "-shm");
      assertThat(wal).exists();
      assertThat(shm).exists();
      assertThat(mode(file)).isEqualTo("rw-------");
      assertThat(mode(wal)).isEqualTo("rw-------");
      assertThat(mode(shm)).isEqualTo("rw-------");
    }
    assertThat(mode(parent)).isEqualTo("rwx------");
    assertThat(mode(parent.resolve("sub"))).isEqualTo("rwx------");
  }

  @Test
  void backupsAreOwnerOnlyInAPrivateDirectory() throws Exception {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      Path backup = db.backup();
      assertThat(mode(backup)).isEqualTo("rw-------");
      assertThat(mode(backup.getParent())).isEqualTo("rwx------");
    }
  }

  @Test
  void existingDirectoriesKeepTheirMode() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path backups = Files.createDirectory(shared.resolve("backups"));
    Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxr-x---"));
    try (Database db = Database.open(shared.resolve("wa.db"))) {
      assertThat(mode(db.backup())).isEqualTo("rw-------");
    }
    assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
    assertThat(mode(backups)).isEqualTo("rwxr-x---");
  }

  @Test
  void anExistingWorldReadableDatabaseIsTightenedWithItsWalShmAndBackups() throws Exception {
    Path file = dir.resolve("wa.db");
    Path backup;
    try (Database db = Database.open(file)) {
      backup = db.backup();
    }
    // Another process keeps it open, so the -wal and -shm exist; all were made by an older build.
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("INSERT INTO config (key, value, updated_at) VALUES ('k', '{}', 0)");
      Path wal = Paths.get(file + "-wal");
      Path shm = Paths.get(file + "-shm");
      for (Path p : List.of(file, wal, shm, backup)) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
      }

      try (Database db = Database.open(file)) {
        assertThat(db.<Long>read(tx -> tx.queryLong("SELECT count(*) FROM config"))).isEqualTo(1);
      }

      assertThat(mode(file)).isEqualTo("rw-------");
      assertThat(mode(wal)).isEqualTo("rw-------");
      assertThat(mode(shm)).isEqualTo("rw-------");
      assertThat(mode(backup)).isEqualTo("rw-------");
    }
  }

  @Test
  void aReadOnlyDatabaseIsNotMadeWritable() throws Exception {
    Path file = dir.resolve("wa.db");
    Database.open(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    OwnerOnly.tighten(file);
    assertThat(mode(file)).isEqualTo("r--------");
  }
}
