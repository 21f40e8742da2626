package app.wauploader.cli.command;

import app.wauploader.db.Database;
import app.wauploader.db.UploadSession;
import app.wauploader.domain.ItemState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: the last sessions and where every file stands. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the last upload sessions and how many files are in each state.")
public final class StatusCommand implements Callable<Integer> {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many sessions to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(database.path())) {
      out.println("no database at " + database.path() + " yet: nothing uploaded");
      return 0;
    }
    try (Database db = Database.open(database.path())) {
      List<UploadSession> sessions = db.inTransaction(tx -> tx.sessions().latest(limit));
      Map<ItemState, Long> states = db.inTransaction(tx -> tx.items().countByState());
      long hashes = db.inTransaction(tx -> tx.fileHashes().count());
      long locked = db.inTransaction(tx -> tx.items().lockedCount());
      out.printf("database %s%n", db.file());
      out.printf(
          "%-5s %-19s %-11s %7s %9s %9s %10s %7s %10s%n",
          "id", "started", "status", "files", "uploaded", "dupes", "processed", "errors", "MiB");
      for (UploadSession s : sessions) {
        out.printf(
            "%-5d %-19s %-11s %7d %9d %9d %10d %7d %10.2f%n",
            s.id(),
            TIME.format(s.startedAt()),
            s.status().id(),
            s.totalFiles(),
            s.successCount(),
            s.duplicateCount(),
            s.processedFiles(),
            s.errorCount(),
            s.bytesUploaded() / 1048576.0);
      }
      for (UploadSession s : sessions) {
        if (s.pausedUntil().isPresent()) {
          out.printf(
              "session %d is paused until %s: %s%n",
              s.id(), TIME.format(s.pausedUntil().get()), s.pauseReason().orElse(""));
        }
      }
      if (sessions.isEmpty()) {
        out.println("(no sessions yet)");
      }
      out.printf("backed up (unique contents): %d%n", hashes);
      StringBuilder line = new StringBuilder("files by state:");
      for (ItemState state : ItemState.values()) {
        line.append(' ').append(state.id()).append('=').append(states.getOrDefault(state, 0L));
      }
      out.println(line);
      if (locked > 0) {
        out.println(
            locked
                + " files are locked by a wa-uploader process that is running (or died"
                + " less than the lock timeout ago)");
      }
      out.flush();
      return 0;
    }
  }
}
