package app.wauploader.db;

import app.wauploader.db.migration.Migration;
import app.wauploader.db.migration.MigrationRunner;
import app.wauploader.db.migration.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

/**
 * The local SQLite database: the single source of truth for what is done, in flight and failed.
 *
 * <p>Every connection gets the same pragmas: {@code journal_mode=WAL}, {@code foreign_keys=ON},
 * {@code synchronous=NORMAL}, {@code temp_store=MEMORY}, {@code mmap_size=268435456} (256 MiB),
 * {@code cache_size=-64000} (64 MB) and a busy timeout of {@link #BUSY_TIMEOUT_MS} ms, so another
 * process holding the write lock makes us wait instead of fail. Write transactions start with
 * {@code BEGIN IMMEDIATE} so that two processes never deadlock upgrading a read lock.
 *
 * <p>Work happens inside {@link #inTransaction}: commit on return, rollback on exception. One
 * connection is shared and transactions are serialised on it; SQLite allows one writer at a time
 * anyway, and reads are short.
 */
public final class Database implements AutoCloseable {
  /** How long a statement waits for another connection's lock before failing, in ms. */
  public static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path file;
  private final Connection connection;
  private final Clock clock;

  private Database(Path file, Connection connection, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
  }

  /**
   * Opens (creating if absent) the database at {@code file} and migrates it to the newest schema.
   *
   * @throws DatabaseException if the file cannot be created or opened, is not a SQLite database
   *     (corrupt), has a newer schema than this build, or a migration fails
   */
  public static Database open(Path file) {
    return open(file, Migrations.all(), Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the migrations to apply and the clock for timestamps given. */
  public static Database open(Path file, List<Migration> migrations, Clock clock) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new DatabaseException(
          "cannot create the database directory for " + absolute + ": " + e.getMessage(), e);
    }
    Connection connection = connect(absolute);
    try {
      checkQuickly(connection, absolute);
      int current = MigrationRunner.currentVersion(connection);
      if (current > 0 && current < migrations.size()) {
        new DatabaseBackups(absolute).backup(connection, clock.instant());
      }
      new MigrationRunner(migrations, clock).migrate(connection);
      return new Database(absolute, connection, clock);
    } catch (SQLException | IOException e) {
      closeQuietly(connection);
      throw new DatabaseException("cannot prepare database " + absolute + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * {@code PRAGMA quick_check} at open: a damaged file is refused before anything is written to it
   * (O(size), a few ms per MB).
   */
  private static void checkQuickly(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
      List<String> problems = DatabaseBackups.problems(rs);
      if (!problems.isEmpty()) {
        throw corrupt(file, problems.get(0), null);
      }
    } catch (SQLException e) {
      throw corruptOr(file, e);
    }
  }

  private static DatabaseException corrupt(Path file, String detail, Throwable cause) {
    return new DatabaseException(
        "database "
            + file
            + " is corrupt ("
            + detail.replaceAll("\\s+", " ")
            + "); restore the newest good backup with 'wa-uploader db restore' or move the file"
            + " away",
        cause);
  }

  /** A corruption error as {@link #corrupt}; other SQL errors unchanged. */
  private static SQLException corruptOr(Path file, SQLException e) {
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (reason.contains("NOTADB") || reason.contains("CORRUPT") || reason.contains("malformed")) {
      throw corrupt(file, reason, e);
    }
    return e;
  }

  /**
   * {@code PRAGMA journal_mode = WAL}. Switching a new database to WAL needs an exclusive lock, and
   * SQLite answers SQLITE_BUSY at once (without the busy handler) while another connection is
   * switching it too: retried here for up to the busy timeout.
   */
  private static void enableWal(Statement statement) throws SQLException {
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
    while (true) {
      try {
        statement.execute("PRAGMA journal_mode = WAL");
        return;
      } catch (SQLException e) {
        boolean busy = e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY");
        if (!busy || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static Connection connect(Path file) {
    Properties properties = new Properties();
    // sqlite-jdbc: issue BEGIN IMMEDIATE when auto-commit is turned off.
    properties.setProperty("transaction_mode", "IMMEDIATE");
    properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        enableWal(statement);
        statement.execute("PRAGMA foreign_keys = ON");
        statement.execute("PRAGMA synchronous = NORMAL");
        statement.execute("PRAGMA temp_store = MEMORY");
        statement.execute("PRAGMA mmap_size = 268435456");
        statement.execute("PRAGMA cache_size = -64000");
        // Touch the schema so a file that is not a database fails here, not mid-run.
        statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
      }
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      SQLException other = corruptOr(file, e);
      throw new DatabaseException("cannot open database " + file + ": " + other.getMessage(), e);
    }
  }

  /** The database file (absolute). */
  public Path file() {
    return file;
  }

  /** The clock used for every timestamp written (epoch ms, UTC). */
  public Clock clock() {
    return clock;
  }

  /**
   * Runs {@code work} in one transaction: commit when it returns, rollback when it throws (the
   * exception propagates, SQL exceptions wrapped in {@link DatabaseException}).
   */
  public synchronized <T> T inTransaction(TransactionCallback<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(new Transaction(connection, clock));
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      SQLException other = corruptOr(file, e);
      throw new DatabaseException("database error in " + file + ": " + other.getMessage(), e);
    }
  }

  /** As {@link #inTransaction} for work without a result. */
  public void useTransaction(TransactionConsumer work) {
    inTransaction(
        tx -> {
          work.run(tx);
          return null;
        });
  }

  /** The schema version recorded in {@code schema_migrations}. */
  public synchronized int schemaVersion() {
    try {
      return MigrationRunner.currentVersion(connection);
    } catch (SQLException e) {
      throw new DatabaseException("cannot read schema version: " + e.getMessage(), e);
    }
  }

  /** The current value of a pragma on this connection, as text (e.g. {@code "wal"}). */
  public synchronized String pragma(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name: " + name);
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : "";
    } catch (SQLException e) {
      throw new DatabaseException("cannot read pragma " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Backs the database up now (online backup, consistent while in use), keeping the newest {@value
   * DatabaseBackups#KEEP}.
   *
   * @return the backup file
   */
  public synchronized Path backup() {
    try {
      return new DatabaseBackups(file).backup(connection, clock.instant());
    } catch (SQLException | IOException e) {
      throw new DatabaseException("cannot back up " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code PRAGMA integrity_check} and {@code PRAGMA foreign_key_check}.
   *
   * @return the problems found, empty when the database is healthy
   */
  public synchronized List<String> check() {
    List<String> problems = new java.util.ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
        problems.addAll(DatabaseBackups.problems(rs));
      }
      try (ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
        while (rs.next()) {
          problems.add(
              "foreign key: row "
                  + rs.getLong(2)
                  + " of "
                  + rs.getString(1)
                  + " points to a missing "
                  + rs.getString(3));
        }
      }
      return problems;
    } catch (SQLException e) {
      throw new DatabaseException("cannot check " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@code VACUUM}: rebuilds the file compactly. */
  public synchronized void vacuum() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM");
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new DatabaseException("cannot vacuum " + file + ": " + e.getMessage(), e);
    }
  }

  /** Row counts per table (name order), for {@code db stats}. */
  public synchronized java.util.Map<String, Long> rowCounts() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    try (Statement statement = connection.createStatement()) {
      List<String> tables = new java.util.ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new DatabaseException("cannot count rows of " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing: nothing left to protect
      }
    }
  }

  /** Work done inside a transaction, returning a value. */
  @FunctionalInterface
  public interface TransactionCallback<T> {
    T run(Transaction tx) throws SQLException;
  }

  /** Work done inside a transaction. */
  @FunctionalInterface
  public interface TransactionConsumer {
    void run(Transaction tx) throws SQLException;
  }
}
