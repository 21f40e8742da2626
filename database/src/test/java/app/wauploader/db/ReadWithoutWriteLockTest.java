package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.db.migration.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads, and opening a migrated database, go ahead while another process holds the write lock
 * ({@code BEGIN IMMEDIATE} with an uncommitted row) instead of waiting {@value
 * Database#BUSY_TIMEOUT_MS} ms for it.
 */
class ReadWithoutWriteLockTest {
  @TempDir Path dir;

  private Path file;
  private Connection writer;
  private ExecutorService pool;

  @BeforeEach
  void aMigratedDatabaseWithOneCommittedRow() {
    file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      db.useTransaction(tx -> tx.config().put("committed", "{}"));
    }
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void releaseTheLock() throws Exception {
    if (writer != null) {
      writer.close();
    }
    pool.shutdownNow();
    pool.awaitTermination(Database.BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  @Test
  void aReadDoesNotWaitForAnotherProcesssWriteTransaction() throws Exception {
    try (Database db = Database.open(file)) {
      holdTheWriteLockWithAnUncommittedRow();

      List<String> keys =
          within2s(() -> db.read(tx -> tx.query("SELECT key FROM config", rs -> rs.getString(1))));

      assertThat(keys).containsExactly("committed");
    }
  }

  @Test
  void openingAMigratedDatabaseDoesNotWaitForTheWriteLock() throws Exception {
    holdTheWriteLockWithAnUncommittedRow();

    Long rows =
        within2s(
            () -> {
              try (Database db = Database.open(file)) {
                assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
                return db.rowCounts().get("config");
              }
            });

    assertThat(rows).isEqualTo(1);
  }

  @Test
  void aReadCannotWriteAndLeavesTheConnectionWritable() {
    try (Database db = Database.open(file)) {
      assertThatThrownBy(() -> db.read(tx -> tx.update("DELETE FROM config")))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("readonly");
      assertThat(db.<Long>read(tx -> tx.queryLong("SELECT count(*) FROM config"))).isEqualTo(1);
      db.useTransaction(tx -> tx.config().put("written", "{}"));
      assertThat(db.<Long>read(tx -> tx.queryLong("SELECT count(*) FROM config"))).isEqualTo(2);
    }
  }

  @Test
  void allQueriesOfOneReadSeeTheSameSnapshot() throws Exception {
    try (Database db = Database.open(file)) {
      List<Long> counts =
          db.read(
              tx -> {
                long before = tx.queryLong("SELECT count(*) FROM config");
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = other.createStatement()) {
                  statement.execute(
                      "INSERT INTO config (key, value, updated_at) VALUES ('meanwhile', '{}', 0)");
                }
                return List.of(before, tx.queryLong("SELECT count(*) FROM config"));
              });
      assertThat(counts).containsExactly(1L, 1L);
      assertThat(db.<Long>read(tx -> tx.queryLong("SELECT count(*) FROM config"))).isEqualTo(2);
    }
  }

  /** A separate connection, as another process would have: BEGIN IMMEDIATE and an insert. */
  private void holdTheWriteLockWithAnUncommittedRow() throws SQLException {
    writer = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = writer.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      statement.execute(
          "INSERT INTO config (key, value, updated_at) VALUES ('uncommitted', '{}', 0)");
    }
    // The lock is really held: a connection that does not wait cannot take it.
    try (Connection probe = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = probe.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 0");
      assertThatThrownBy(() -> statement.execute("BEGIN IMMEDIATE"))
          .hasMessageContaining("SQLITE_BUSY");
    }
  }

  private <T> T within2s(Callable<T> work) throws Exception {
    return pool.submit(work).get(2, TimeUnit.SECONDS);
  }
}
