package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write transaction reports its first error and leaves the connection usable. */
class TransactionFailureTest {
  private static final String FILLER = "{\"x\":\"" + "x".repeat(1500) + "\"}";

  @TempDir Path dir;

  /**
   * {@code PRAGMA max_page_count} just above the current size makes SQLite answer SQLITE_FULL
   * ("database or disk is full") for real once the inserts need more pages.
   */
  @Test
  void aFullDatabaseIsSaidToBeFullAndStaysConsistentAndUsable() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      long pages = db.inTransaction(tx -> tx.queryLong("PRAGMA page_count"));
      db.inTransaction(tx -> tx.queryLong("PRAGMA max_page_count = " + (pages + 3)));

      int written = 0;
      DatabaseException full = null;
      while (full == null && written < 1000) {
        String key = "k" + written;
        try {
          db.useTransaction(tx -> tx.config().put(key, FILLER));
          written++;
        } catch (DatabaseException e) {
          full = e;
        }
      }

      assertThat(full).as("SQLITE_FULL within 1000 inserts").isNotNull();
      assertThat(written).isPositive();
      assertThat(full.isDiskFull()).isTrue();
      assertThat(full.getMessage())
          .contains("full")
          .contains("disk")
          .contains(file.toString())
          .contains("free some space and run again")
          .doesNotContain("no transaction is active")
          .doesNotContain("\n");
      assertThat(full.getCause()).isInstanceOf(SQLException.class);
      assertThat(full.getCause().getMessage()).contains("SQLITE_FULL");

      // Consistent, readable, and no transaction left open holding the write lock.
      assertThat(db.check()).isEmpty();
      assertThat(
              db.<Optional<String>>read(
                  tx -> tx.queryOne("PRAGMA quick_check", rs -> rs.getString(1))))
          .contains("ok");
      assertThat(db.<Long>read(tx -> tx.queryLong("SELECT count(*) FROM config")))
          .isEqualTo(written);
      String failedKey = "k" + written;
      assertThat(db.<Optional<String>>read(tx -> tx.config().get(failedKey))).isEmpty();
      assertNobodyHoldsTheWriteLock(file);

      // Room again: the same connection writes, in auto-commit between transactions.
      db.inTransaction(tx -> tx.queryLong("PRAGMA max_page_count = 1000000"));
      db.useTransaction(tx -> tx.config().put("after", "{}"));
      assertThat(db.<Optional<String>>read(tx -> tx.config().get("after"))).contains("{}");
    }
  }

  /**
   * A commit that fails for real: a deferred foreign key violation is only checked at COMMIT, which
   * then fails and leaves the transaction open. The first error is reported, nothing is kept, and
   * the write lock is released.
   */
  @Test
  void aFailedCommitIsRolledBackAndReportedAsItself() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      assertThatThrownBy(
              () ->
                  db.useTransaction(
                      tx -> {
                        tx.update("PRAGMA defer_foreign_keys = ON");
                        tx.config().put("in-the-failed-transaction", "{}");
                        tx.errors()
                            .record(
                                12345,
                                "/a.jpg",
                                app.wauploader.domain.FailureReason.REJECTED,
                                "no such session",
                                0);
                      }))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("database error in " + file)
          .hasMessageContaining("FOREIGN KEY")
          .hasMessageNotContaining("no transaction is active")
          .satisfies(e -> assertThat(((DatabaseException) e).isDiskFull()).isFalse());

      assertNobodyHoldsTheWriteLock(file);
      assertThat(db.<Optional<String>>read(tx -> tx.config().get("in-the-failed-transaction")))
          .isEmpty();
      db.useTransaction(tx -> tx.config().put("next", "{}"));
      assertThat(db.<Optional<String>>read(tx -> tx.config().get("next"))).contains("{}");
    }
  }

  @Test
  void aCallbackExceptionPropagatesUnchangedAndReleasesTheLock() throws Exception {
    Path file = dir.resolve("wa.db");
    try (Database db = Database.open(file)) {
      IllegalStateException boom = new IllegalStateException("boom");
      assertThatThrownBy(
              () ->
                  db.useTransaction(
                      tx -> {
                        tx.config().put("k", "{}");
                        throw boom;
                      }))
          .isSameAs(boom);
      assertNobodyHoldsTheWriteLock(file);
      assertThat(db.<Optional<String>>read(tx -> tx.config().get("k"))).isEmpty();
    }
  }

  /** Another connection, not waiting at all, can take the write lock. */
  static void assertNobodyHoldsTheWriteLock(Path file) throws SQLException {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 0");
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("ROLLBACK");
    }
  }
}
