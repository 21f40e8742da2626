package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.db.Database;
import app.wauploader.db.DatabaseBackups;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code db backup|check|restore|vacuum|stats}: look after the local database. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description =
        "Look after the local database. Backups (SQLite online backup, newest 3 kept) are taken before every schema migration and by 'db backup', in backups/ next to the database.",
    subcommands = {
      DbCommand.Backup.class,
      DbCommand.Check.class,
      DbCommand.Restore.class,
      DbCommand.Vacuum.class,
      DbCommand.Stats.class
    })
public final class DbCommand {

  private static Path existing(DatabaseOption option) {
    Path file = option.path();
    if (!Files.exists(file)) {
      throw new UserError(ExitCode.INPUT, "no database at " + file);
    }
    return file;
  }

  @Command(name = "backup", mixinStandardHelpOptions = true, description = "Back up now.")
  static final class Backup implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      try (Database db = Database.open(existing(database))) {
        spec.commandLine().getOut().println("backed up to " + db.backup());
      }
      return 0;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "PRAGMA integrity_check and foreign_key_check; exit 7 on problems.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database db = Database.open(existing(database))) {
        List<String> problems = db.check();
        if (problems.isEmpty()) {
          out.println("ok: " + db.file() + " passes integrity and foreign key checks");
          return 0;
        }
        problems.forEach(p -> out.println("problem: " + p));
        out.println("restore the newest good backup with 'wa-uploader db restore'");
        return ExitCode.DATABASE.code();
      }
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description =
          "Replace the database with a backup: N (1 = newest), or by default the newest backup that passes an integrity check. The replaced file is kept as <name>.replaced-<time>. With --from-google: bring back the catalog saved in your Google Drive (what is where in Google, albums and folders, chats, settings) by this or your other devices, so the next upload sends nothing already there.")
  static final class Restore implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Parameters(arity = "0..1", paramLabel = "N", description = "Which backup (1 = newest).")
    Integer n;

    @picocli.CommandLine.Option(
        names = "--force",
        description = "Restore even though a session looks like it is running.")
    boolean force;

    @picocli.CommandLine.Option(
        names = "--from-google",
        description =
            "Merge the catalogs saved in your Google Drive's hidden app folder into the database"
                + " (created if missing; nothing it holds is lost) instead of restoring a backup.")
    boolean fromGoogle;

    @picocli.CommandLine.Option(
        names = "--endpoint",
        paramLabel = "URL",
        description = "With --from-google: ask this base URL with Google's paths (the emulator).")
    String endpointText;

    /**
     * A running wa-uploader would go on writing to the replaced file: refuse while a session is
     * running with a heartbeat younger than the default lock timeout. A database too damaged to
     * open cannot be in use, so the restore goes ahead.
     */
    private static void refuseWhileRunning(Path file) {
      if (!Files.exists(file)) {
        return;
      }
      List<app.wauploader.db.UploadSession> running;
      try (Database db = Database.open(file)) {
        running = db.inTransaction(tx -> tx.sessions().running());
      } catch (app.wauploader.db.DatabaseException damaged) {
        return;
      }
      java.time.Instant fresh = java.time.Instant.now().minusSeconds(600);
      for (app.wauploader.db.UploadSession s : running) {
        if (s.lockedAt().map(at -> at.isAfter(fresh)).orElse(false)) {
          throw new UserError(
              ExitCode.LOCKED,
              "session "
                  + s.id()
                  + " is running ("
                  + s.lockedBy().orElse("?")
                  + "); stop it first, or use --force");
        }
      }
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (!force) {
        refuseWhileRunning(database.path());
      }
      if (fromGoogle) {
        if (n != null) {
          throw new UserError(ExitCode.USAGE, "--from-google takes no backup number");
        }
        return GoogleCatalog.restore(
            database.path(), endpointText, out, spec.commandLine().getErr());
      }
      if (endpointText != null) {
        throw new UserError(ExitCode.USAGE, "--endpoint goes with --from-google");
      }
      DatabaseBackups backups = new DatabaseBackups(database.path());
      List<Path> all = backups.list();
      for (int i = 0; i < all.size(); i++) {
        out.println((i + 1) + ". " + all.get(i).getFileName());
      }
      Path restored = backups.restore(Optional.ofNullable(n));
      out.println("restored " + database.path() + " from " + restored.getFileName());
      out.println(
          "files uploaded after that backup are found again by the next upload (by SHA-256 when"
              + " the backup knows them; otherwise they are sent again)");
      return 0;
    }
  }

  @Command(
      name = "vacuum",
      mixinStandardHelpOptions = true,
      description = "Rebuild the database compactly (VACUUM).")
  static final class Vacuum implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() throws Exception {
      Path file = existing(database);
      long before = Files.size(file);
      try (Database db = Database.open(file)) {
        db.vacuum();
      }
      spec.commandLine()
          .getOut()
          .printf("vacuumed %s: %d → %d bytes%n", file, before, Files.size(file));
      return 0;
    }
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Row counts per table, file and WAL sizes, schema version, backups.")
  static final class Stats implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Path file = existing(database);
      try (Database db = Database.open(file)) {
        out.printf("database %s (schema version %d)%n", db.file(), db.schemaVersion());
        for (Map.Entry<String, Long> e : db.rowCounts().entrySet()) {
          out.printf("  %-20s %10d rows%n", e.getKey(), e.getValue());
        }
        Path wal = Path.of(file + "-wal");
        out.printf(
            "file %d bytes, WAL %d bytes%n",
            Files.size(file), Files.exists(wal) ? Files.size(wal) : 0);
        out.printf(
            "backups: %d in %s%n",
            new DatabaseBackups(file).list().size(),
            file.toAbsolutePath().getParent().resolve("backups"));
      }
      return 0;
    }
  }
}
