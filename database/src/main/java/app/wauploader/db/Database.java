package app.wauploader.db;

import app.wauploader.db.migration.Migration;
import app.wauploader.db.migration.MigrationRunner;
import app.wauploader.db.migration.Migrations;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The local SQLite database: the single source of truth for what is done, in flight and failed.
 *
 * <p>Every connection gets the same pragmas: {@code journal_mode=WAL}, {@code foreign_keys=ON},
 * {@code synchronous=NORMAL}, {@code temp_store=MEMORY}, {@code mmap_size=268435456} (256 MiB),
 * {@code cache_size=-64000} (64 MB) and a busy timeout of {@link #BUSY_TIMEOUT_MS} ms, so another
 * process holding the write lock makes us wait instead of fail. Write transactions start with
 * {@code BEGIN IMMEDIATE} so that two processes never deadlock upgrading a read lock; {@link #read}
 * takes no write lock at all, so it never waits for another process's writer.
 *
 * <p>Work happens inside {@link #inTransaction}: commit on return, rollback on exception. One
 * connection is shared and transactions are serialised on it; SQLite allows one writer at a time
 * anyway, and reads are short.
 *
 * <p>The database file, its {@code -wal} and {@code -shm} and its backups are readable by their
 * owner only ({@code 0600}; see {@link OwnerOnly}). {@link #openSnapshot} gives an in-memory copy
 * for dry runs, which writes nothing to disk.
 */
public final class Database implements AutoCloseable {
  /** How long a statement waits for another connection's lock before failing, in ms. */
  public static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path file;
  private final Connection connection;
  private final Statements statements;
  private final Clock clock;
  private final boolean snapshot;

  private Database(Path file, Connection connection, Clock clock, boolean snapshot) {
    this.file = file;
    this.connection = connection;
    this.statements = new Statements(connection);
    this.clock = clock;
    this.snapshot = snapshot;
  }

  /**
   * Opens (creating if absent) the database at {@code file} and migrates it to the newest schema.
   *
   * <p>A new database file is created {@code 0600} before SQLite opens it, so its {@code -wal} and
   * {@code -shm} (which SQLite creates with the database file's mode) are {@code 0600} too; missing
   * directories are created {@code 0700}. An existing database, its {@code -wal} and {@code -shm}
   * and its backups lose any group and other permissions. Opening a database that needs no
   * migration writes nothing and so does not wait for another process's write lock.
   *
   * @throws DatabaseException if the file cannot be created or opened, is not a SQLite database
   *     (corrupt), has a newer schema than this build, or a migration or the backup before it fails
   */
  public static Database open(Path file) {
    return open(file, Migrations.all(), Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the migrations to apply and the clock for timestamps given. */
  public static Database open(Path file, List<Migration> migrations, Clock clock) {
    Path absolute = file.toAbsolutePath();
    Connections.prepareFiles(absolute);
    Connection connection = Connections.connect(absolute);
    try {
      Connections.checkQuickly(connection, absolute);
      int current = MigrationRunner.currentVersion(connection);
      DatabaseBackups backups = new DatabaseBackups(absolute);
      if (current > 0 && current < migrations.size()) {
        backups.backup(connection, clock.instant());
      }
      new MigrationRunner(migrations, clock).migrate(connection);
      backups.tightenExisting();
      return new Database(absolute, connection, clock, false);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DatabaseException("cannot prepare database " + absolute + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * An in-memory copy of the database at {@code file}, migrated in memory to the newest schema, for
   * dry runs: reads see the file's committed contents, writes go to memory only and are lost on
   * {@link #close}. Nothing on disk is created or changed, not even a {@code -wal}, {@code -shm} or
   * backup. If {@code file} does not exist (or is empty) the snapshot is a fresh database with
   * every migration applied, and neither the file nor its directory is created.
   *
   * <p>The copy is SQLite's backup API from a read-only connection: with {@code immutable=1} when
   * {@code file} has no {@code -wal} contents (no process has it open, so all is in the file), else
   * {@code mode=ro&readonly_shm=1}, which reads the changes still in the {@code -wal} through the
   * existing {@code -shm} without writing to either. {@link #file()} is {@code file}; {@link
   * #backup()} is refused.
   *
   * @throws DatabaseException if {@code file} cannot be read, is not a SQLite database (corrupt),
   *     has a newer schema than this build, has a {@code -wal} with contents but no {@code -shm}
   *     (left by a crash: opening it normally once recovers it), or a migration fails
   */
  public static Database openSnapshot(Path file) {
    return openSnapshot(file, Migrations.all(), Clock.systemUTC());
  }

  /** As {@link #openSnapshot(Path)}, with the migrations and the clock for timestamps given. */
  public static Database openSnapshot(Path file, List<Migration> migrations, Clock clock) {
    Path absolute = file.toAbsolutePath();
    Connection connection = Connections.connectInMemory(absolute);
    try {
      Connections.copyInto(connection, absolute);
      Connections.checkQuickly(connection, absolute);
      new MigrationRunner(migrations, clock).migrate(connection);
      return new Database(absolute, connection, clock, true);
    } catch (SQLException e) {
      closeQuietly(connection);
      SQLException other = Connections.corruptOr(absolute, e);
      throw new DatabaseException(
          "cannot take a snapshot of " + absolute + ": " + Connections.oneLine(other.getMessage()),
          e);
    } catch (IOException e) {
      closeQuietly(connection);
      throw new DatabaseException(
          "cannot take a snapshot of " + absolute + ": " + DatabaseBackups.describe(e), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** The database file (absolute); for a snapshot, the file it was copied from. */
  public Path file() {
    return file;
  }

  /** True if this is an in-memory {@link #openSnapshot snapshot}: nothing is written to disk. */
  public boolean isSnapshot() {
    return snapshot;
  }

  /** The clock used for every timestamp written (epoch ms, UTC). */
  public Clock clock() {
    return clock;
  }

  /**
   * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}): commit when it returns,
   * rollback when it throws. The callback's unchecked exceptions propagate unchanged; SQL
   * exceptions are wrapped in {@link DatabaseException}.
   *
   * <p>If the work or the commit fails, the transaction is rolled back; a failing rollback (SQLite
   * may already have rolled back by itself, e.g. after {@code SQLITE_FULL}) is ignored, and the
   * error reported is always the first one. Either way the connection is left in auto-commit with
   * no transaction open, ready for the next call.
   *
   * @throws DatabaseException on a SQL error: when the disk (or the database's size limit) is full,
   *     one line naming the database file and asking to free space and run again, with {@link
   *     DatabaseException#isDiskFull()} true; when the file is damaged, the corruption advice; else
   *     {@code database error in <file>: <SQLite message>}
   */
  public synchronized <T> T inTransaction(TransactionCallback<T> work) {
    try {
      execute("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      throw failure(e);
    }
    T result;
    try {
      result = work.run(new Transaction(statements, clock));
      execute("COMMIT");
    } catch (SQLException e) {
      rollbackQuietly();
      throw failure(e);
    } catch (RuntimeException | Error e) {
      rollbackQuietly();
      throw e;
    }
    return result;
  }

  /**
   * Runs the read-only {@code work} without taking the write lock, so it never waits for another
   * process's write transaction: {@code status} stays instant while an upload is writing.
   *
   * <p>How: on the shared connection, {@code PRAGMA query_only} is switched on and a {@code BEGIN
   * DEFERRED} transaction is opened, which takes no lock until the first read and then only a WAL
   * read mark (WAL lets readers proceed while a writer holds the lock). Every query of {@code work}
   * sees the same committed snapshot; uncommitted rows of other connections are not visible. The
   * transaction is rolled back at the end and {@code query_only} switched off again. A second,
   * read-only connection would also let reads run beside this process's own writes, but would cost
   * another 64 MB page cache and mapping per process; in-process transactions are short.
   *
   * @throws DatabaseException on a SQL error, as {@link #inTransaction}; {@code work} trying to
   *     write fails with {@code SQLITE_READONLY}
   */
  public synchronized <T> T read(TransactionCallback<T> work) {
    try {
      execute("PRAGMA query_only = ON");
      execute("BEGIN DEFERRED");
    } catch (SQLException e) {
      endRead();
      throw failure(e);
    }
    try {
      return work.run(new Transaction(statements, clock));
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      endRead();
    }
  }

  /** Ends a {@link #read}: rollback (nothing was written) and {@code query_only} off. */
  private void endRead() {
    rollbackQuietly();
    try {
      execute("PRAGMA query_only = OFF");
    } catch (SQLException e) {
      // Connection-local flag: fails only on a closed connection, which the next call reports.
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * {@code ROLLBACK}, ignoring its failure: SQLite may have rolled back by itself (SQLITE_FULL,
   * SQLITE_IOERR), and the error that made us roll back is the one worth reporting.
   */
  private void rollbackQuietly() {
    try {
      execute("ROLLBACK");
    } catch (SQLException ignored) {
      // "cannot rollback - no transaction is active": nothing left to undo
    }
  }

  /** {@code e} as the one-line {@link DatabaseException} a user can act on. */
  private DatabaseException failure(SQLException e) {
    SQLException other = Connections.corruptOr(file, e);
    if (DatabaseException.causedByFullDisk(other)) {
      return new DatabaseException(
          "the disk (or database) is full: cannot write to "
              + file
              + "; free some space and run again ("
              + Connections.oneLine(other.getMessage())
              + ")",
          e);
    }
    return new DatabaseException(
        "database error in " + file + ": " + Connections.oneLine(other.getMessage()), e);
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
   * Backs the database up now (online backup, consistent while in use) to a {@code 0600} file in
   * {@code backups/}, keeping the newest {@value DatabaseBackups#KEEP}. A failed backup leaves no
   * file behind.
   *
   * @return the backup file
   * @throws DatabaseException if the backup cannot be written, naming the backup file and the cause
   *     in one line ({@link DatabaseException#isDiskFull()} when the disk is full), or if this is a
   *     {@link #isSnapshot snapshot}, which writes nothing to disk
   */
  public synchronized Path backup() {
    if (snapshot) {
      throw new DatabaseException(
          "not backing up "
              + file
              + ": this is an in-memory snapshot (dry run), nothing is written");
    }
    return new DatabaseBackups(file).backup(connection, clock.instant());
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
    statements.closeAll(); // VACUUM refuses to run beside a statement that was not reset
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM");
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new DatabaseException("cannot vacuum " + file + ": " + e.getMessage(), e);
    }
  }

  /** Row counts per table (name order), for {@code db stats}. */
  public synchronized java.util.Map<String, Long> rowCounts() {
    return read(
        tx -> {
          java.util.Map<String, Long> counts = new java.util.TreeMap<>();
          String tables = "SELECT name FROM sqlite_master WHERE type = 'table'";
          for (String table :
              tx.query(tables + " AND name NOT LIKE 'sqlite_%'", rs -> rs.getString(1))) {
            counts.put(table, tx.queryLong("SELECT count(*) FROM \"" + table + "\""));
          }
          return counts;
        });
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  static void closeQuietly(Connection connection) {
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
