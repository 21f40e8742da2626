package app.wauploader.cli.command;

import app.wauploader.cli.report.ReportJson;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.BackupReport;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.PhotosQuota;
import app.wauploader.core.app.StatusReport;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.db.ChatProgress;
import app.wauploader.db.UploadSession;
import app.wauploader.db.WaitingItems;
import app.wauploader.domain.ItemState;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: the last sessions, where every file stands, and what waits until when. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the last upload sessions, how many files are in each state, what waits and until when, and how many errors are recorded. Never waits for a running upload.")
public final class StatusCommand implements Callable<Integer> {
  /** Session start times: local, with the zone. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

  /** Failures listed in {@code status --json} and the HTML report, newest first. */
  static final int FAILURES = 50;

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many sessions to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--json",
      description =
          "Print the whole report as JSON instead (the numbers of 'report --html'; fields: README,"
              + " 'Reports').")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ZoneId zone = ZoneId.systemDefault();
      Optional<BackupReport> report = backups(database).report(limit, FAILURES, zone);
      com.google.gson.JsonObject doc;
      if (report.isPresent()) {
        doc = new ReportJson(zone).status(report.get());
        doc.addProperty("exists", true);
      } else {
        doc = new com.google.gson.JsonObject();
        doc.addProperty("database", database.path().toString());
        doc.addProperty("exists", false);
      }
      out.println(ReportJson.print(doc, true));
      out.flush();
      return 0;
    }
    Optional<StatusReport> found = backups(database).status(limit);
    if (found.isEmpty()) {
      out.println("no database at " + database.path() + " yet: nothing uploaded");
      return 0;
    }
    StatusReport report = found.get();
    out.printf("database %s%n", report.database());
    out.printf(
        "%-5s %-23s %-11s %7s %9s %9s %10s %7s %10s%n",
        "id", "started", "status", "files", "uploaded", "dupes", "processed", "errors", "MiB");
    for (UploadSession s : report.sessions()) {
      out.printf(
          "%-5d %-23s %-11s %7d %9d %9d %10d %7d %10.2f%n",
          s.id(),
          TIME.format(s.startedAt()),
          s.status().id(),
          s.totalFiles(),
          s.successCount(),
          s.duplicateCount(),
          s.processedFiles(),
          report.errorsPerSession().getOrDefault(s.id(), 0L),
          s.bytesUploaded() / 1048576.0);
    }
    for (UploadSession s : report.sessions()) {
      if (s.chatName().isPresent()) {
        out.printf("session %d backs up chat %s%n", s.id(), s.chatName().get());
      }
      if (s.pausedUntil().isPresent() && s.status().id().equals("paused")) {
        out.printf(
            "session %d is paused until %s: %s%n",
            s.id(), UploadRunner.TIME.format(s.pausedUntil().get()), s.pauseReason().orElse(""));
      }
    }
    if (report.sessions().isEmpty()) {
      out.println("(no sessions yet)");
    }
    out.printf("backed up (unique contents): %d%n", report.contents());
    StringBuilder line = new StringBuilder("files by state:");
    for (ItemState state : ItemState.values()) {
      line.append(' ')
          .append(state.id())
          .append('=')
          .append(report.files().getOrDefault(state, 0L));
    }
    out.println(line);
    for (WaitingItems w : report.waiting()) {
      out.printf(
          "waiting: %d %s files until %s (%s)%n",
          w.files(), w.service().id(), UploadRunner.TIME.format(w.until()), w.reason().id());
    }
    if (!report.chats().isEmpty()) {
      out.printf(
          "%-30s %9s %8s %7s %10s %7s%n", "chat", "backed-up", "waiting", "failed", "MiB", "filed");
      for (ChatProgress c : report.chats()) {
        out.printf(
            "%-30s %9d %8d %7d %10.2f %7d%n",
            ChatsCommand.cut(c.chat().name(), 30),
            c.backedUp(),
            c.waiting(),
            c.failed(),
            c.bytes() / 1048576.0,
            c.placed());
      }
    }
    PhotosQuota quota = report.photosQuota();
    out.printf(
        "Photos requests today (%s, Pacific time): %d of %d; backlog %d items at %.2f requests"
            + " each: %s%n",
        quota.day(),
        quota.requestsToday(),
        quota.dailyLimit(),
        quota.backlog(),
        quota.requestsPerItem(),
        quota.backlog() == 0
            ? "nothing left"
            : quota.backlogDays() == 1 ? "fits today" : "about " + quota.backlogDays() + " days");
    out.printf("errors recorded: %d (see 'wa-uploader errors')%n", report.errors());
    if (report.lockedFiles() > 0) {
      out.println(
          report.lockedFiles()
              + " files are locked by a wa-uploader process that is running (or died"
              + " less than the lock timeout ago)");
    }
    out.flush();
    return 0;
  }

  /** The facade for reading this database (status and errors need no sign-in). */
  static Backups backups(DatabaseOption database) {
    return new Backups(
        BackupEnvironment.google(
            database.path(),
            AccessTokens.NONE,
            GoogleEndpoints.google(),
            TransferOptions.thisProcess()));
  }
}
