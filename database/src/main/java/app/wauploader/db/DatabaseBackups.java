package app.wauploader.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
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

/**
 * Rotating backups of a database file, taken with SQLite's online backup API (consistent even while
 * the database is in use), kept in {@code backups/} next to the database: {@code <name>.<UTC
 * time>.bak}, newest {@value #KEEP} kept. Taken before every migration and on {@code db backup};
 * {@link #restore} brings one back.
 */
public final class DatabaseBackups {
  /** How many backups are kept. */
  public static final int KEEP = 3;

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
   * Backs up the database through {@code connection} (online backup), then deletes all but the
   * newest {@value #KEEP}.
   *
   * @return the new backup file
   */
  Path backup(Connection connection, Instant now) throws IOException, SQLException {
    Files.createDirectories(dir);
    Path target = dir.resolve(database.getFileName() + "." + STAMP.format(now) + ".bak");
    try (Statement statement = connection.createStatement()) {
      // sqlite-jdbc's extension of the statement syntax, backed by sqlite3_backup_*.
      statement.executeUpdate("backup to \"" + target.toString().replace("\"", "") + "\"");
    }
    List<Path> all = list();
    for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
      Files.deleteIfExists(old);
    }
    return target;
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
        Files.move(file, Paths.get(database + aside + suffix), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(chosen, database);
    return chosen;
  }

  /** True if {@code file} opens as SQLite and passes {@code PRAGMA integrity_check}. */
  static boolean healthy(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
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
