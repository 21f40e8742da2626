package app.wauploader.cli.log;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code -v/-vv}, {@code --quiet} and {@code --log-file}: on the top command, inherited by every
 * subcommand, so {@code wa-uploader upload -v} and {@code wa-uploader -v upload} mean the same.
 */
public final class LogOptions {
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Tell more on stderr: -v what happens to each file, -vv also the planning and each retry"
              + " (debug; also in the log file).")
  boolean[] verbose = new boolean[0];

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print only problems (and the --json line): no progress bar, no summary line.")
  boolean quiet;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "Append the log to FILE (instead of the per-run log in"
              + " $XDG_STATE_HOME/wa-uploader/logs/, which upload and resume keep by default).")
  Path logFile;

  /** How many {@code -v}: 0, 1 or 2 (more count as 2). */
  public int verbosity() {
    return Math.min(2, verbose.length);
  }

  public boolean quiet() {
    return quiet;
  }

  /** The --log-file, or null. */
  public Path logFile() {
    return logFile;
  }

  /** What stderr shows: warnings by default, errors with --quiet, info with -v, debug with -vv. */
  Level consoleLevel() {
    if (quiet) {
      return Level.ERROR;
    }
    return verbosity() == 0 ? Level.WARN : verbosity() == 1 ? Level.INFO : Level.DEBUG;
  }

  /** What a log file keeps: info, or debug with -vv. */
  Level fileLevel() {
    return verbosity() >= 2 ? Level.DEBUG : Level.INFO;
  }
}
