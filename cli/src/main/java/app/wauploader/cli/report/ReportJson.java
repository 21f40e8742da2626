package app.wauploader.cli.report;

import app.wauploader.cli.Advice;
import app.wauploader.cli.ExitCode;
import app.wauploader.core.app.BackupReport;
import app.wauploader.core.app.BackupReport.Totals;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.db.ChatProgress;
import app.wauploader.db.UploadError;
import app.wauploader.db.UploadSession;
import app.wauploader.db.WaitingItems;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON documents of {@code status --json}, {@code errors --format json} and {@code upload
 * --json}. Field names are snake_case and stable (README "Reports" lists them; {@code
 * ReportFormatsTest} pins them); sizes are bytes, times ISO 8601 with the offset of the given zone
 * ({@code 2026-12-01T15:47:13+01:00}), absent values {@code null}.
 */
public final class ReportJson {
  /** ISO 8601, seconds, with the offset ({@code Z} for UTC). */
  public static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final ZoneId zone;

  public ReportJson(ZoneId zone) {
    this.zone = zone;
  }

  /** Pretty-printed (status, errors) or on one line (upload's last line). */
  public static String print(JsonElement json, boolean pretty) {
    GsonBuilder gson = new GsonBuilder().disableHtmlEscaping().serializeNulls();
    if (pretty) {
      gson.setPrettyPrinting();
    }
    return gson.create().toJson(json);
  }

  /** {@code status --json}: the whole {@link BackupReport}. */
  public JsonObject status(BackupReport r) {
    JsonObject o = new JsonObject();
    o.addProperty("generated_at", time(r.generatedAt()));
    o.addProperty("database", r.database().toString());
    o.add("total", totals(r.total()));
    JsonArray services = new JsonArray();
    for (BackupReport.ServiceTotals s : r.services()) {
      JsonObject t = totals(s.totals());
      t.addProperty("service", s.service().id());
      services.add(t);
    }
    o.add("services", services);
    JsonArray folders = new JsonArray();
    for (BackupReport.FolderTotals f : r.mediaFolders()) {
      JsonObject t = totals(f.totals());
      t.addProperty("name", f.name());
      folders.add(t);
    }
    o.add("media_folders", folders);
    JsonArray chats = new JsonArray();
    for (ChatProgress c : r.chats()) {
      JsonObject t = new JsonObject();
      t.addProperty("id", c.chat().id());
      t.addProperty("name", c.chat().name());
      t.addProperty("backed_up", c.backedUp());
      t.addProperty("bytes", c.bytes());
      t.addProperty("waiting", c.waiting());
      t.addProperty("failed", c.failed());
      t.addProperty("filed", c.placed());
      chats.add(t);
    }
    o.add("chats", chats);
    JsonArray months = new JsonArray();
    for (BackupReport.MonthTotals m : r.months()) {
      JsonObject t = new JsonObject();
      t.addProperty("month", m.month().toString());
      t.addProperty("photos_bytes", m.photosBytes());
      t.addProperty("drive_bytes", m.driveBytes());
      t.addProperty("files", m.files());
      months.add(t);
    }
    o.add("months", months);
    BackupReport.PhotosQuotaUse q = r.photos();
    JsonObject quota = new JsonObject();
    quota.addProperty("daily_limit", q.dailyLimit());
    quota.addProperty("day_started_at", time(q.dayStartedAt()));
    quota.addProperty("resets_at", time(q.resetsAt()));
    quota.addProperty("committed_today", q.committedToday());
    quota.add(
        "requests_today", q.requestsToday().<JsonElement>map(JsonPrimitive::new).orElse(null));
    quota.addProperty("backlog_files", q.backlogFiles());
    quota.addProperty("backlog_bytes", q.backlogBytes());
    quota.addProperty("backlog_requests", q.backlogRequests());
    quota.addProperty("days_needed", q.daysNeeded());
    o.add("photos_quota", quota);
    JsonArray waiting = new JsonArray();
    for (WaitingItems w : r.waiting()) {
      JsonObject t = new JsonObject();
      t.addProperty("service", w.service().id());
      t.addProperty("reason", w.reason().id());
      t.addProperty("files", w.files());
      t.addProperty("until", time(w.until()));
      waiting.add(t);
    }
    o.add("waiting", waiting);
    JsonArray sessions = new JsonArray();
    for (UploadSession s : r.sessions()) {
      sessions.add(session(s, r.errorsPerSession().getOrDefault(s.id(), 0L)));
    }
    o.add("sessions", sessions);
    o.add("failures", errors(r.failures()));
    o.addProperty("errors_recorded", r.errorsRecorded());
    o.addProperty("contents", r.contents());
    o.addProperty("locked_files", r.lockedFiles());
    return o;
  }

  /** {@code errors --format json}: {@code {"errors": [...]}}, in the order given. */
  public JsonObject errorsDocument(List<UploadError> errors) {
    JsonObject o = new JsonObject();
    o.add("errors", errors(errors));
    return o;
  }

  /** {@code upload --json} / {@code resume --json}: one run. */
  public JsonObject run(RunSummary s) {
    JsonObject o = new JsonObject();
    o.add("session", s.sessionId().<JsonElement>map(JsonPrimitive::new).orElse(null));
    o.addProperty("dry_run", s.dryRun());
    o.addProperty("verdict", s.verdict().name().toLowerCase(Locale.ROOT));
    o.addProperty("exit_code", ExitCode.of(s).code());
    o.addProperty("files", s.files());
    for (Outcome outcome : Outcome.values()) {
      o.addProperty(outcome.name().toLowerCase(Locale.ROOT), s.count(outcome));
    }
    o.addProperty("unreadable", s.sourceProblems());
    o.addProperty("filed", s.filed());
    o.addProperty("bytes_sent", s.bytesSent());
    o.addProperty("bytes_planned", s.bytesPlanned());
    o.addProperty("elapsed_ms", s.elapsed().toMillis());
    o.addProperty("transfers", s.transfers());
    o.addProperty("lowest_transfers", s.lowestTransfers());
    JsonArray waits = new JsonArray();
    for (RunSummary.Wait w : s.waits()) {
      JsonObject t = new JsonObject();
      t.addProperty("service", w.service().id());
      t.addProperty("reason", w.reason().id());
      t.addProperty("until", time(w.until()));
      t.addProperty("files", w.files());
      t.addProperty("message", w.message());
      waits.add(t);
    }
    o.add("waits", waits);
    if (s.stop().isPresent()) {
      JsonObject stop = new JsonObject();
      stop.addProperty("reason", s.stop().get().reason().name().toLowerCase(Locale.ROOT));
      stop.addProperty("message", s.stop().get().message());
      stop.addProperty("advice", Advice.of(s.stop().get().reason()));
      o.add("stop", stop);
    } else {
      o.add("stop", JsonNull.INSTANCE);
    }
    return o;
  }

  private JsonArray errors(List<UploadError> errors) {
    JsonArray array = new JsonArray();
    for (UploadError e : errors) {
      JsonObject t = new JsonObject();
      t.addProperty("id", e.id());
      t.addProperty("session", e.sessionId());
      t.addProperty("occurred_at", time(e.occurredAt()));
      t.addProperty("type", e.reason().id());
      t.addProperty("retries", e.retryCount());
      t.addProperty("last_retry_at", time(e.lastRetryAt()));
      t.addProperty("file", e.filePath());
      t.addProperty("message", e.errorMessage());
      t.addProperty("advice", Advice.of(e.reason()));
      array.add(t);
    }
    return array;
  }

  private JsonObject session(UploadSession s, long errors) {
    JsonObject t = new JsonObject();
    t.addProperty("id", s.id());
    t.addProperty("started_at", time(s.startedAt()));
    t.addProperty("finished_at", time(s.finishedAt()));
    t.addProperty("status", s.status().id());
    t.addProperty("chat", s.chatName().orElse(null));
    t.addProperty("total_files", s.totalFiles());
    t.addProperty("processed_files", s.processedFiles());
    t.addProperty("uploaded", s.successCount());
    t.addProperty("duplicates", s.duplicateCount());
    t.addProperty("errors", errors);
    t.addProperty("bytes_uploaded", s.bytesUploaded());
    t.addProperty("paused_until", time(s.pausedUntil()));
    t.addProperty("pause_reason", s.pauseReason().orElse(null));
    return t;
  }

  private static JsonObject totals(Totals t) {
    JsonObject o = new JsonObject();
    o.addProperty("files", t.files());
    o.addProperty("safe_files", t.safeFiles());
    o.addProperty("safe_bytes", t.safeBytes());
    o.addProperty("duplicate_files", t.duplicateFiles());
    o.addProperty("waiting_files", t.waitingFiles());
    o.addProperty("waiting_bytes", t.waitingBytes());
    o.addProperty("failed_files", t.failedFiles());
    o.addProperty("failed_bytes", t.failedBytes());
    return o;
  }

  /** {@code instant} in ISO 8601 with this zone's offset. */
  public String time(Instant instant) {
    return ISO.format(instant.atZone(zone));
  }

  private String time(Optional<Instant> instant) {
    return instant.map(this::time).orElse(null);
  }
}
