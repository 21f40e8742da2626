package app.wauploader.cli.command;

import app.wauploader.db.Database;
import app.wauploader.db.UploadError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code errors}: the error report. */
@Command(
    name = "errors",
    mixinStandardHelpOptions = true,
    description =
        "Show recorded failures, newest first: when, session, type, retries, file and what to do. Types: transient/rate_limited (gave up after retries; the next run tries again), quota_exhausted (resume after the reset), permanent (the file cannot be uploaded as is), fatal (the run stopped), unreadable (fix permissions).")
public final class ErrorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "How many errors to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--session", paramLabel = "ID", description = "Only this session's errors.")
  Long session;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(database.path())) {
      out.println("no database at " + database.path() + " yet: no errors");
      return 0;
    }
    try (Database db = Database.open(database.path())) {
      List<UploadError> errors =
          db.inTransaction(
              tx -> session == null ? tx.errors().latest(limit) : tx.errors().forSession(session));
      if (errors.isEmpty()) {
        out.println("no errors recorded");
      }
      for (UploadError e : errors) {
        out.printf(
            "%s  session %d  %-15s retries %d  %s%n    %s%n",
            StatusCommand.TIME.format(e.occurredAt()),
            e.sessionId(),
            e.errorType(),
            e.retryCount(),
            e.filePath(),
            e.errorMessage());
      }
      out.flush();
      return 0;
    }
  }
}
