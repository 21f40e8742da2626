package app.wauploader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one connection, kept for the next transaction that runs the same SQL
 * (at most {@link #CAPACITY}, least recently used closed first). Preparing is most of the cost of a
 * small query: a re-run over 100,000 unchanged files asks the same few questions of every file.
 * Used only under the database's lock, as its transactions are (not thread-safe by itself). A
 * statement is returned for reuse only after it ran without error, cleared of its parameters; the
 * connection's close finalises whatever is kept.
 */
final class Statements {
  static final int CAPACITY = 64;

  private final Connection connection;
  private final Map<String, PreparedStatement> idle =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= CAPACITY) {
            return false;
          }
          close(eldest.getValue());
          return true;
        }
      };

  Statements(Connection connection) {
    this.connection = connection;
  }

  /** A statement for {@code sql}: a kept one, or a new one when none is idle. */
  Lease lease(String sql) throws SQLException {
    PreparedStatement statement = idle.remove(sql);
    return new Lease(sql, statement != null ? statement : connection.prepareStatement(sql));
  }

  /** Closes every kept statement. */
  void closeAll() {
    idle.values().forEach(Statements::close);
    idle.clear();
  }

  /** One use of a statement; {@link #close} keeps it when {@link #reusable} was said. */
  final class Lease implements AutoCloseable {
    private final String sql;
    private final PreparedStatement statement;
    private boolean reusable;

    private Lease(String sql, PreparedStatement statement) {
      this.sql = sql;
      this.statement = statement;
    }

    PreparedStatement statement() {
      return statement;
    }

    /** The statement ran to the end without error: it may be kept. */
    void reusable() {
      reusable = true;
    }

    @Override
    public void close() {
      if (!reusable) {
        Statements.close(statement);
        return;
      }
      try {
        statement.clearParameters();
        statement.clearBatch();
      } catch (SQLException e) {
        Statements.close(statement);
        return;
      }
      PreparedStatement other = idle.put(sql, statement);
      if (other != null) {
        Statements.close(other); // the same SQL leased twice at once (a nested query)
      }
    }
  }

  private static void close(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // closing a statement of a broken connection: nothing left to free
    }
  }
}
