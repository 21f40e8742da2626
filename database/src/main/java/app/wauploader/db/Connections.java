package app.wauploader.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * Opening SQLite files for {@link Database}: owner-only files before SQLite creates them, the
 * pragmas of every connection, WAL switching, the quick check at open, corruption turned into one
 * line, and the in-memory copy a snapshot (dry run) works on.
 */
final class Connections {
  private Connections() {}

  /** {@code text} on one line (whitespace collapsed); empty for null. */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }

  /**
   * Creates the database's missing directories {@code 0700} and the file itself {@code 0600} if
   * absent; takes group and other permissions from an existing file and its {@code -wal} and {@code
   * -shm}.
   */
  static void prepareFiles(Path file) {
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
  static void copyInto(Connection connection, Path file) throws IOException, SQLException {
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
  static boolean hasSqliteHeader(Path file) throws IOException {
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

  static long sizeOrZero(Path file) {
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
  static void checkQuickly(Connection connection, Path file) throws SQLException {
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

  static DatabaseException corrupt(Path file, String detail, Throwable cause) {
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
  static SQLException corruptOr(Path file, SQLException e) {
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
  static void enableWal(Statement statement) throws SQLException {
    long deadline = System.nanoTime() + Database.BUSY_TIMEOUT_MS * 1_000_000L;
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

  /**
   * A connection straight from sqlite-jdbc's driver, not through {@link java.sql.DriverManager}:
   * the manager's first use loads every JDBC driver on the class path by the service loader, a
   * tenth of a second or more of each cold start of the CLI for the one driver we use.
   */
  static Connection open(String url, Properties properties) throws SQLException {
    return org.sqlite.JDBC.createConnection(url, properties);
  }

  static Connection connect(Path file) {
    Connection connection = null;
    try {
      connection = Connections.open("jdbc:sqlite:" + file, connectionProperties());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
        enableWal(statement);
        applyPragmas(statement);
        statement.execute("PRAGMA mmap_size = 268435456");
        // Touch the schema so a file that is not a database fails here, not mid-run.
        statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
      }
      return connection;
    } catch (SQLException e) {
      Database.closeQuietly(connection);
      SQLException other = corruptOr(file, e);
      throw new DatabaseException("cannot open database " + file + ": " + other.getMessage(), e);
    }
  }

  /** A connection to a new in-memory database, with the pragmas that apply to one. */
  static Connection connectInMemory(Path source) {
    Connection connection = null;
    try {
      connection = Connections.open("jdbc:sqlite::memory:", connectionProperties());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
        applyPragmas(statement);
      }
      return connection;
    } catch (SQLException e) {
      Database.closeQuietly(connection);
      throw new DatabaseException(
          "cannot open an in-memory snapshot of " + source + ": " + e.getMessage(), e);
    }
  }

  static Properties connectionProperties() {
    Properties properties = new Properties();
    // sqlite-jdbc: issue BEGIN IMMEDIATE when auto-commit is turned off (MigrationRunner does).
    properties.setProperty("transaction_mode", "IMMEDIATE");
    properties.setProperty("busy_timeout", Integer.toString(Database.BUSY_TIMEOUT_MS));
    return properties;
  }

  static void applyPragmas(Statement statement) throws SQLException {
    statement.execute("PRAGMA foreign_keys = ON");
    statement.execute("PRAGMA synchronous = NORMAL");
    statement.execute("PRAGMA temp_store = MEMORY");
    statement.execute("PRAGMA cache_size = -64000");
  }
}
