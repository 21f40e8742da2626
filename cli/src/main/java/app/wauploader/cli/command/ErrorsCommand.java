package app.wauploader.cli.command;

import app.wauploader.cli.Advice;
import app.wauploader.cli.report.ErrorsCsv;
import app.wauploader.cli.report.ReportJson;
import app.wauploader.db.UploadError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
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
        "Show recorded failures, newest first: when, session, type, retries, file and what to do. Types: network, server, rate_limited (the next run tries again), daily_quota (resume after the reset), unauthorized (sign in again), storage_full, rejected (the file cannot be uploaded as is), checksum_mismatch, source_unreadable / source_missing / source_changed (the local file), receipt_expired, internal.")
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

  /** Output formats of {@code errors}. */
  enum Format {
    table,
    csv,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table (default), csv (RFC 4180, a header row, for a spreadsheet) or json (for a"
              + " script); fields: README, 'Reports'.")
  Format format;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean exists = Files.exists(database.path());
    List<UploadError> errors =
        exists
            ? StatusCommand.backups(database).errors(limit, Optional.ofNullable(session))
            : List.of();
    ReportJson times = new ReportJson(java.time.ZoneId.systemDefault());
    if (format == Format.csv) {
      ErrorsCsv.write(errors, times, out);
      out.flush();
      return 0;
    }
    if (format == Format.json) {
      out.println(ReportJson.print(times.errorsDocument(errors), true));
      out.flush();
      return 0;
    }
    if (!exists) {
      out.println("no database at " + database.path() + " yet: no errors");
      return 0;
    }
    if (errors.isEmpty()) {
      out.println("no errors recorded");
    }
    for (UploadError e : errors) {
      out.printf(
          "%s  session %d  %-17s retries %d  %s%n    %s%n    what to do: %s%n",
          StatusCommand.TIME.format(e.occurredAt()),
          e.sessionId(),
          e.reason().id(),
          e.retryCount(),
          e.filePath(),
          e.errorMessage(),
          Advice.of(e.reason()));
    }
    out.flush();
    return 0;
  }
}
