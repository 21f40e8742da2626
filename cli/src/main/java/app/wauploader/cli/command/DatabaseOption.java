package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db FILE}, shared by every command that reads or writes the database. */
public final class DatabaseOption {
  @Option(
      names = "--db",
      paramLabel = "FILE",
      description =
          "SQLite database (default: $XDG_DATA_HOME/wa-uploader/wa-uploader.db, "
              + "i.e. ~/.local/share/wa-uploader/wa-uploader.db)")
  Path db;

  /** The database path: the option, or the default in the user's data dir. */
  public Path path() {
    return db != null ? db : AppDirs.fromEnvironment().defaultDatabase();
  }
}
