package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.report.HtmlReport;
import app.wauploader.cli.report.ReportJson;
import app.wauploader.core.app.BackupReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report --html FILE}: the backup report as one page a phone's browser opens. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the backup report as one self-contained HTML file (no network, opens on the phone):"
            + " what is safe in Google, waiting or failed, by service, chat and media folder;"
            + " bytes per month; the Google Photos quota and the days the backlog needs; the"
            + " failures with what to do; the last sessions. Never waits for a running upload.")
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      required = true,
      description =
          "Where to write the page, e.g. ~/storage/downloads/backup-report.html (replaced if it"
              + " exists).")
  Path html;

  @Option(
      names = "--sessions",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many of the last sessions to show (default: ${DEFAULT-VALUE}).")
  int sessions;

  @Override
  public Integer call() throws IOException {
    ZoneId zone = ZoneId.systemDefault();
    Optional<BackupReport> report =
        StatusCommand.backups(database).report(sessions, StatusCommand.FAILURES, zone);
    if (report.isEmpty()) {
      throw new UserError(
          ExitCode.INPUT, "no database at " + database.path() + " yet: nothing to report");
    }
    Path target = html.toAbsolutePath();
    Path parent = target.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError(ExitCode.INPUT, "no folder " + parent + " to write the report in");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        new HtmlReport(new ReportJson(zone), zone).write(report.get(), out);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    BackupReport.Totals t = report.get().total();
    spec.commandLine()
        .getOut()
        .printf(
            "report written to %s: %d safe in Google, %d waiting, %d failed%n",
            target, t.safeFiles(), t.waitingFiles(), t.failedFiles());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
