package app.wauploader.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A migration made of plain SQL statements separated by {@code ;} at line ends. */
abstract class SqlMigration implements Migration {
  /** The SQL of this migration, in plain view. */
  abstract String sql();

  @Override
  public final void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : sql().split(";\\s*\\n")) {
        if (!sql.trim().isEmpty()) {
          statement.execute(sql);
        }
      }
    }
  }
}
