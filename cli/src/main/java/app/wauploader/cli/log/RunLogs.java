package app.wauploader.cli.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The per-run logs of {@code upload} and {@code resume}: one file per run in {@code
 * $XDG_STATE_HOME/wa-uploader/logs/} (default {@code ~/.local/state/wa-uploader/logs/}), named
 * {@code COMMAND-yyyyMMdd'T'HHmmss'Z'-PID.log}; before a new one is opened the oldest are deleted
 * so that {@link #KEEP} remain with the new one. None for a dry run, none when --log-file is given.
 */
public final class RunLogs {
  /** Run logs kept, the new one included. */
  public static final int KEEP = 20;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RunLogs() {}

  /** An open run log; closing it detaches it. */
  public record RunLog(Path file, String appender) implements AutoCloseable {
    @Override
    public void close() {
      Logging.remove(appender);
    }
  }

  /**
   * Opens the run log of {@code command} in {@code dir} at {@code options}' file level, after
   * deleting old ones.
   */
  public static RunLog open(Path dir, String command, LogOptions options) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException notPosix) {
        // the folder keeps the platform's defaults
      }
    }
    prune(dir, KEEP - 1);
    Path file =
        dir.resolve(
            command
                + "-"
                + STAMP.format(Instant.now())
                + "-"
                + ProcessHandle.current().pid()
                + ".log");
    return new RunLog(file, Logging.addFile(file, options.fileLevel()));
  }

  /** Deletes the oldest run logs in {@code dir} (by name: the UTC time) beyond {@code keep}. */
  static void prune(Path dir, int keep) throws IOException {
    List<Path> logs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*-*T*Z-*.log")) {
      files.forEach(logs::add);
    }
    logs.sort(
        (a, b) ->
            stamp(a).compareTo(stamp(b)) != 0 ? stamp(a).compareTo(stamp(b)) : a.compareTo(b));
    Collections.reverse(logs);
    for (int i = keep; i < logs.size(); i++) {
      Files.deleteIfExists(logs.get(i));
    }
  }

  /** The {@code yyyyMMdd'T'HHmmss'Z'} part of a run log's name. */
  private static String stamp(Path log) {
    String name = log.getFileName().toString();
    int t = name.indexOf('T');
    return t >= 8 ? name.substring(t - 8) : name;
  }
}
