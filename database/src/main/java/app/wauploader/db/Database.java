package app.wauploader.db;

import app.wauploader.db.migration.Migration;
import app.wauploader.db.migration.MigrationRunner;
import app.wauploader.db.migration.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

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
  private final Clock clock;
  private final boolean snapshot;

  private Database(Path file, Connection connection, Clock clock, boolean snapshot) {
    this.file = file;
    this.connection = connection;
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
    prepareFiles(absolute);
    Connection connection = connect(absolute);
    try {
      checkQuickly(connection, absolute);
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
    Connection connection = connectInMemory(absolute);
    try {
      copyInto(connection, absolute);
      checkQuickly(connection, absolute);
      new MigrationRunner(migrations, clock).migrate(connection);
      return new Database(absolute, connection, clock, true);
    } catch (SQLException e) {
      closeQuietly(connection);
      SQLException other = corruptOr(absolute, e);
      throw new DatabaseException(
          "cannot take a snapshot of " + absolute + ": " + oneLine(other.getMessage()), e);
    } catch (IOException e) {
      closeQuietly(connection);
      throw new DatabaseException(
          "cannot take a snapshot of " + absolute + ": " + DatabaseBackups.describe(e), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Creates the database's missing directories {@code 0700} and the file itself {@code 0600} if
   * absent; takes group and other permissions from an existing file and its {@code -wal} and {@code
   * -shm}.
   */
  private static void prepareFiles(Path file) {
    try {
      Path parent = file.getParent();
      if (parent != null) {
        OwnerOnly.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new DatabaseException(
          "cannot create the database directory for " + file + ": " + DatabaseBackups.describe(e),
          e);
    }
    try {
      OwnerOnly.createFile(file);
    } catch (IOException e) {
      throw new DatabaseException(
          "cannot create database " + file + ": " + DatabaseBackups.describe(e), e);
    }
    OwnerOnly.tighten(Paths.get(file + "-wal"));
    OwnerOnly.tighten(Paths.get(file + "-shm"));
  }

  /** Restores {@code file}'s committed contents into the in-memory {@code connection}. */
  private static void copyInto(Connection connection, Path file) throws IOException, SQLException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return;
    }
    if (!hasSqliteHeader(file)) {
      throw corrupt(file, "not a SQLite database: no SQLite header", null);
    }
    Path wal = Paths.get(file + "-wal");
    boolean walHasData = Files.exists(wal) && sizeOrZero(wal) > 0;
    if (walHasData && !Files.exists(Paths.get(file + "-shm"))) {
      throw new DatabaseException(
          "cannot take a snapshot of "
              + file
              + " without writing to it: its -wal holds changes but there is no -shm (left by a"
              + " crash); open it once for a real run, which recovers it, then retry");
    }
    String uri = fileUri(file) + (walHasData ? "?mode=ro&readonly_shm=1" : "?immutable=1");
    int rc = connection.unwrap(SQLiteConnection.class).getDatabase().restore("main", uri, null);
    if (rc != 0) {
      throw DB.newSQLException(rc, "cannot copy " + file);
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA page_count")) {
      if (!rs.next() || rs.getLong(1) == 0) {
        throw new DatabaseException(
            "cannot take a snapshot of "
                + file
                + ": the copy came out empty (SQLite could not read the file, or it changed"
                + " while it was read); retry");
      }
    }
  }

  /** True if {@code file} starts with SQLite's header, {@code "SQLite format 3"} and a NUL byte. */
  private static boolean hasSqliteHeader(Path file) throws IOException {
    byte[] expected = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[expected.length];
    try (InputStream in = Files.newInputStream(file)) {
      int read = 0;
      while (read < header.length) {
        int n = in.read(header, read, header.length - read);
        if (n < 0) {
          return false;
        }
        read += n;
      }
    }
    return Arrays.equals(header, expected);
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * {@code file} as an SQLite URI ({@code file:/…}), every byte but {@code [A-Za-z0-9/._~-]}
   * escaped.
   */
  static String fileUri(Path file) {
    StringBuilder uri = new StringBuilder("file:");
    for (byte b : file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "/._~-".indexOf(c) >= 0;
      if (plain) {
        uri.append(c);
      } else {
        uri.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return uri.toString();
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
            + "); restore the newest good backup or move the file away",
        cause,
        true);
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
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file, connectionProperties());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        enableWal(statement);
        applyPragmas(statement);
        statement.execute("PRAGMA mmap_size = 268435456");
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

  /** A connection to a new in-memory database, with the pragmas that apply to one. */
  private static Connection connectInMemory(Path source) {
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite::memory:", connectionProperties());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        applyPragmas(statement);
      }
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DatabaseException(
          "cannot open an in-memory snapshot of " + source + ": " + e.getMessage(), e);
    }
  }

  private static Properties connectionProperties() {
    Properties properties = new Properties();
    // sqlite-jdbc: issue BEGIN IMMEDIATE when auto-commit is turned off (MigrationRunner does).
    properties.setProperty("transaction_mode", "IMMEDIATE");
    properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
    return properties;
  }

  private static void applyPragmas(Statement statement) throws SQLException {
    statement.execute("PRAGMA foreign_keys = ON");
    statement.execute("PRAGMA synchronous = NORMAL");
    statement.execute("PRAGMA temp_store = MEMORY");
    statement.execute("PRAGMA cache_size = -64000");
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
      result = work.run(new Transaction(connection, clock));
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
      return work.run(new Transaction(connection, clock));
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
    SQLException other = corruptOr(file, e);
    if (DatabaseException.causedByFullDisk(other)) {
      return new DatabaseException(
          "the disk (or database) is full: cannot write to "
              + file
              + "; free some space and run again ("
              + oneLine(other.getMessage())
              + ")",
          e);
    }
    return new DatabaseException(
        "database error in " + file + ": " + oneLine(other.getMessage()), e);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
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
