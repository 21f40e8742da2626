package app.wauploader.db;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * Rotating backups of a database file, taken with SQLite's online backup API (consistent even while
 * the database is in use), kept in {@code backups/} next to the database: {@code <name>.<UTC
 * time>.bak}, newest {@value #KEEP} kept. Taken before every migration and on {@code db backup};
 * {@link #restore} brings one back. Backups are {@code 0600} and a {@code backups} directory
 * created here is {@code 0700} (see {@link OwnerOnly}); a failed backup leaves no file behind.
 */
public final class DatabaseBackups {
  /** How many backups are kept. */
  public static final int KEEP = 3;

  /** Suffix of a backup being written; renamed away once complete, never listed. */
  static final String PARTIAL = ".partial";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path database;
  private final Path dir;

  public DatabaseBackups(Path database) {
    this.database = database.toAbsolutePath();
    this.dir = this.database.getParent().resolve("backups");
  }

  /** The backups, newest first. */
  public List<Path> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String prefix = database.getFileName() + ".";
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith(".bak"))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .collect(Collectors.toList());
    }
  }

  /**
   * Backs up the database through {@code connection} (SQLite's online backup API, a consistent copy
   * even while other connections write), then deletes all but the newest {@value #KEEP}.
   *
   * <p>The copy is written to {@code <backup>.partial}, created {@code 0600} before SQLite opens it
   * (its {@code -journal} inherits that mode), and renamed to {@code <backup>} only once complete:
   * a {@code .bak} file is never partial. If the copy fails (disk full, I/O error) the partial file
   * and its journal are deleted, so no empty or half-written backup is left for {@link #restore} to
   * pick. The {@code backups} directory is created {@code 0700} if absent.
   *
   * @param now the time in the backup's name (UTC, ms precision)
   * @return the new backup file
   * @throws DatabaseException if the backup cannot be written, in one line naming the backup file
   *     and the cause ({@link DatabaseException#isDiskFull()} when the disk is full), or if old
   *     backups cannot be deleted
   */
  Path backup(Connection connection, Instant now) {
    Path target = dir.resolve(database.getFileName() + "." + STAMP.format(now) + ".bak");
    Path partial = Paths.get(target + PARTIAL);
    try {
      OwnerOnly.createDirectories(dir);
      OwnerOnly.createFile(partial);
      int rc =
          connection
              .unwrap(SQLiteConnection.class)
              .getDatabase()
              .backup("main", partial.toString(), null);
      if (rc != 0) {
        throw DB.newSQLException(rc, "backup failed");
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | SQLException | RuntimeException e) {
      String message = "cannot back up " + database + " to " + target + ": " + describe(e);
      String leftover = discard(partial);
      throw new DatabaseException(leftover.isEmpty() ? message : message + "; " + leftover, e);
    }
    try {
      List<Path> all = list();
      for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new DatabaseException(
          "backed up "
              + database
              + " to "
              + target
              + " but cannot delete older backups in "
              + dir
              + ": "
              + describe(e),
          e);
    }
    return target;
  }

  /**
   * Takes away group and other permissions from the existing backups (those written by older builds
   * were {@code 0644}). Best effort, as {@link OwnerOnly#tighten}: nothing is thrown.
   */
  void tightenExisting() {
    try {
      for (Path backup : list()) {
        OwnerOnly.tighten(backup);
      }
    } catch (IOException | RuntimeException e) {
      // Unlistable backups directory: the next backup reports it.
    }
  }

  /**
   * Deletes a failed backup's partial file and SQLite's companions of it.
   *
   * @return empty if nothing is left behind, else a sentence saying what could not be deleted
   */
  private static String discard(Path partial) {
    StringBuilder left = new StringBuilder();
    for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
      Path file = Paths.get(partial + suffix);
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        left.append(left.length() == 0 ? "could not delete " : ", ").append(file);
      }
    }
    return left.toString();
  }

  /** {@code e}'s reason on one line: SQLite's {@code [CODE] text}, or the file and OS reason. */
  static String describe(Throwable e) {
    String text;
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      String reason = f.getReason();
      if (reason == null) {
        reason =
            e instanceof NoSuchFileException
                ? "no such file or directory"
                : e instanceof FileAlreadyExistsException
                    ? "already exists"
                    : e instanceof AccessDeniedException
                        ? "permission denied"
                        : e.getClass().getSimpleName();
      }
      text = (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
    } else {
      text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return text.replaceAll("\\s+", " ").trim();
  }

  /**
   * Replaces the database with backup {@code n} (1 = newest), or, when {@code n} is empty, with the
   * newest backup that passes {@code PRAGMA integrity_check}. The database must be closed. The
   * replaced file is kept as {@code <name>.replaced-<time>} (with its WAL) for inspection.
   *
   * @return the backup restored
   * @throws DatabaseException if there is no (good) backup to restore
   */
  public Path restore(Optional<Integer> n) throws IOException {
    List<Path> backups = list();
    if (backups.isEmpty()) {
      throw new DatabaseException("no backups of " + database + " in " + dir);
    }
    Path chosen;
    if (n.isPresent()) {
      if (n.get() < 1 || n.get() > backups.size()) {
        throw new DatabaseException(
            "there are " + backups.size() + " backups; choose 1 (newest) to " + backups.size());
      }
      chosen = backups.get(n.get() - 1);
    } else {
      chosen =
          backups.stream()
              .filter(DatabaseBackups::healthy)
              .findFirst()
              .orElseThrow(() -> new DatabaseException("every backup in " + dir + " is damaged"));
    }
    String aside = ".replaced-" + STAMP.format(Instant.now());
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path file = Paths.get(database + suffix);
      if (Files.exists(file)) {
        Path moved = Paths.get(database + aside + suffix);
        Files.move(file, moved, StandardCopyOption.REPLACE_EXISTING);
        OwnerOnly.tighten(moved);
      }
    }
    Files.copy(chosen, database);
    OwnerOnly.tighten(database);
    return chosen;
  }

  /**
   * True if {@code file} is not empty, opens as SQLite and passes {@code PRAGMA integrity_check}.
   * An empty file opens as an empty, "healthy" database; restoring it would lose everything.
   */
  static boolean healthy(Path file) {
    try {
      if (Files.size(file) == 0) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    try (Connection c = Connections.open("jdbc:sqlite:" + file, new java.util.Properties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      return rs.next() && "ok".equals(rs.getString(1));
    } catch (SQLException e) {
      return false;
    }
  }

  /** Problems reported by an integrity check, empty when healthy. */
  static List<String> problems(ResultSet rs) throws SQLException {
    List<String> problems = new ArrayList<>();
    while (rs.next()) {
      String line = rs.getString(1);
      if (!"ok".equals(line)) {
        problems.add(line);
      }
    }
    return problems;
  }
}
