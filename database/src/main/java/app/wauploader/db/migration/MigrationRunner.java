package app.wauploader.db.migration;

import app.wauploader.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Applies pending migrations in order, each in its own transaction that also records its version in
 * {@code schema_migrations}; a failure rolls that migration back and leaves earlier ones in place.
 */
public final class MigrationRunner {
  private final List<Migration> migrations;
  private final Clock clock;

  public MigrationRunner(List<Migration> migrations, Clock clock) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations must be numbered 1..n without gaps");
      }
    }
    this.migrations = List.copyOf(migrations);
    this.clock = clock;
  }

  /**
   * Brings the schema up to the last migration given.
   *
   * @return the number of migrations applied (0 if already current)
   * @throws DatabaseException if the database is newer than this build or a migration fails
   */
  public int migrate(Connection connection) {
    try {
      int current = currentVersion(connection);
      if (current > migrations.size()) {
        throw new DatabaseException(
            "database schema version "
                + current
                + " is newer than this wa-uploader understands ("
                + migrations.size()
                + "); upgrade wa-uploader");
      }
      int applied = 0;
      for (Migration migration : migrations.subList(current, migrations.size())) {
        if (apply(connection, migration)) {
          applied++;
        }
      }
      return applied;
    } catch (SQLException e) {
      throw new DatabaseException("cannot migrate database: " + e.getMessage(), e);
    }
  }

  /** The highest version recorded in {@code schema_migrations}, 0 for an empty database. */
  public static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")) {
      if (!exists.next()) {
        return 0;
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Applies one migration in its own write transaction, unless another process applied it first:
   * the version is read again after the write lock is taken ({@code BEGIN IMMEDIATE}), so two
   * processes opening a new database at once do not both migrate it.
   *
   * @return true if this call applied it
   */
  private boolean apply(Connection connection, Migration migration) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      int current = currentVersion(connection);
      if (current >= migration.version()) {
        connection.commit();
        return false;
      }
      migration.apply(connection);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO schema_migrations (version, applied_at, description) VALUES (?, ?, ?)")) {
        insert.setInt(1, migration.version());
        insert.setLong(2, clock.millis());
        insert.setString(3, migration.description());
        insert.executeUpdate();
      }
      connection.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw new DatabaseException(
          "migration "
              + migration.version()
              + " ("
              + migration.description()
              + ") failed: "
              + e.getMessage(),
          e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
