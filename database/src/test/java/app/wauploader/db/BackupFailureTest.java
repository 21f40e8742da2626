package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.wauploader.db.migration.Migrations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup that fails leaves no file behind and says which file and why, in one line. */
class BackupFailureTest {
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.010Z");
  private static final String STAMP = "20240506T070809.010Z";

  @TempDir Path dir;

  /**
   * The backup's writes really fail part-way: this JVM's own RLIMIT_FSIZE (set with util-linux
   * {@code prlimit}, which binds root too) is lowered below the database's size while the backup
   * runs, so SQLite has created and started writing the backup file when write(2) fails (EFBIG; the
   * JVM ignores SIGXFSZ). Before the fix this left a 0-byte {@code .bak}.
   */
  @Test
  void aBackupWhoseWritesFailPartWayLeavesNoFile() throws Exception {
    Path file = dir.resolve("wa.db");
    Path backups = dir.resolve("backups");
    try (Database db = Database.open(file, Migrations.all(), Clock.fixed(NOW, ZoneOffset.UTC))) {
      for (int i = 0; i < 100; i++) {
        String key = "filler-" + i;
        db.useTransaction(tx -> tx.config().put(key, "{\"x\":\"" + "x".repeat(2000) + "\"}"));
      }
      assertThat(db.<Long>read(tx -> tx.queryLong("PRAGMA page_count")) * 4096)
          .isGreaterThan(4 * 64 * 1024);

      DatabaseException failure;
      FileSizeLimit limit = FileSizeLimit.lower(64 * 1024);
      try {
        failure = catchFailure(db::backup);
      } finally {
        limit.restore();
      }

      assertThat(failure).isNotNull();
      assertThat(failure.getMessage())
          .contains(backups.resolve("wa.db." + STAMP + ".bak").toString())
          .contains("SQLITE_IOERR")
          .doesNotContain("\n");
      assertThat(DiskState.listing(backups)).isEmpty();
      assertThat(new DatabaseBackups(file).list()).isEmpty();

      // The failure cost nothing: the next backup, with room, is complete.
      Path backup = db.backup();
      assertThat(Files.size(backup)).isGreaterThan(4 * 64 * 1024);
      assertThat(DatabaseBackups.healthy(backup)).isTrue();
      assertThat(DiskState.listing(backups)).containsOnlyKeys(backup.getFileName().toString());
    }
  }

  @Test
  void aBackupThatCannotCreateItsFileNamesItAndTheCause() throws Exception {
    Path file = dir.resolve("wa.db");
    // "backups" is a regular file, so no backup file can be made inside it (root included).
    Path notADirectory = Files.write(dir.resolve("backups"), "x".getBytes(StandardCharsets.UTF_8));
    try (Database db = Database.open(file, Migrations.all(), Clock.fixed(NOW, ZoneOffset.UTC))) {
      assertThatThrownBy(db::backup)
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining(notADirectory.resolve("wa.db." + STAMP + ".bak").toString())
          .hasMessageContaining(notADirectory + ": not a directory")
          .hasMessageNotContaining("\n");
    }
    assertThat(Files.readAllBytes(notADirectory)).containsExactly('x');
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".bak"));
    }
  }

  @Test
  void aMigrationWhoseBackupFailsIsNotAppliedAndSaysWhy() throws Exception {
    Path file = dir.resolve("wa.db");
    Database.open(file, Migrations.upTo(2), Clock.systemUTC()).close();
    Files.write(dir.resolve("backups"), new byte[] {1});
    assertThatThrownBy(() -> Database.open(file).close())
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("cannot back up " + file)
        .hasMessageContaining("not a directory");
    try (Database db = Database.open(file, Migrations.upTo(2), Clock.systemUTC())) {
      assertThat(db.schemaVersion()).isEqualTo(2);
    }
  }

  @Test
  void restoreSkipsAnEmptyBackupLeftByAnOlderBuild() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file, Migrations.all(), Clock.fixed(NOW, ZoneOffset.UTC))) {
      db.useTransaction(tx -> tx.config().put("kept", "{}"));
      db.backup();
    }
    // Newer by name, so first in line: what a failed backup used to leave.
    Files.createFile(dir.resolve("backups").resolve("wa.db.20991231T000000.000Z.bak"));
    Path restored = new DatabaseBackups(file).restore(Optional.empty());
    assertThat(restored.getFileName().toString()).isEqualTo("wa.db." + STAMP + ".bak");
    try (Database db = Database.open(file)) {
      assertThat(db.<Optional<String>>read(tx -> tx.config().get("kept"))).contains("{}");
    }
  }

  private static DatabaseException catchFailure(Runnable action) {
    try {
      action.run();
      return null;
    } catch (DatabaseException e) {
      return e;
    }
  }

  /** This JVM's soft RLIMIT_FSIZE, changed through util-linux {@code prlimit --pid}. */
  private static final class FileSizeLimit {
    private final String previous;

    private FileSizeLimit(String previous) {
      this.previous = previous;
    }

    /** Lowers the soft limit to {@code bytes}; skips the test where prlimit cannot do it. */
    static FileSizeLimit lower(long bytes) throws Exception {
      String pid = Long.toString(ProcessHandle.current().pid());
      Optional<String> soft =
          run("prlimit", "--pid", pid, "--fsize", "--output=SOFT", "--noheadings", "--raw");
      assumeTrue(soft.isPresent(), "needs util-linux prlimit to limit this JVM's file size");
      assumeTrue(
          run("prlimit", "--pid", pid, "--fsize=" + bytes + ":").isPresent(),
          "prlimit cannot lower this JVM's file size limit");
      return new FileSizeLimit(soft.get().trim());
    }

    void restore() throws Exception {
      String pid = Long.toString(ProcessHandle.current().pid());
      if (run("prlimit", "--pid", pid, "--fsize=" + previous + ":").isEmpty()) {
        throw new IllegalStateException("cannot restore RLIMIT_FSIZE to " + previous);
      }
    }

    /** The command's output if it ran and exited 0. */
    private static Optional<String> run(String... command) throws InterruptedException {
      try {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(10, TimeUnit.SECONDS);
        return exited && process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
}
