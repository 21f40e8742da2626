package app.wauploader.cli.report;

import app.wauploader.cli.Advice;
import app.wauploader.core.app.BackupReport;
import app.wauploader.core.app.BackupReport.Totals;
import app.wauploader.db.ChatProgress;
import app.wauploader.db.UploadError;
import app.wauploader.db.UploadSession;
import app.wauploader.db.WaitingItems;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report --html FILE}: one self-contained page (inline CSS and SVG; no script, no image, no
 * font, no link to fetch — its Content-Security-Policy forbids every load) that a phone's browser
 * opens from storage. Rendered by the Mustache template {@code report.html.mustache}, which
 * HTML-escapes every value: file names, chat names and Google's messages are user data. Numbers the
 * page shows carry {@code data-field} attributes named after {@code status --json}'s fields.
 */
public final class HtmlReport {
  private static final String TEMPLATE = "app/wauploader/cli/report/report.html.mustache";

  /** Chart geometry, in SVG user units. */
  static final int CHART_WIDTH = 640;

  static final int CHART_HEIGHT = 220;
  static final int CHART_TOP = 16;
  static final int CHART_BOTTOM = 40;
  static final int CHART_LEFT = 8;

  private final ReportJson json;
  private final DateTimeFormatter shown;

  public HtmlReport(ReportJson json, java.time.ZoneId zone) {
    this.json = json;
    this.shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT).withZone(zone);
  }

  /** Writes the page of {@code report} to {@code out}. */
  public void write(BackupReport report, Writer out) throws IOException {
    Mustache template;
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(TEMPLATE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      template = new DefaultMustacheFactory().compile(reader, "report");
    }
    try {
      template.execute(out, view(report)).flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The template's scope: maps and lists of already formatted values. */
  Map<String, Object> view(BackupReport r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("generated", shown.format(r.generatedAt()));
    v.put("generatedIso", json.time(r.generatedAt()));
    v.put("database", r.database().toString());
    v.put("total", totals(r.total()));
    List<Object> services = new ArrayList<>();
    for (BackupReport.ServiceTotals s : r.services()) {
      Map<String, Object> t = totals(s.totals());
      t.put(
          "name",
          s.service() == app.wauploader.domain.Service.PHOTOS ? "Google Photos" : "Google Drive");
      t.put("id", s.service().id());
      services.add(t);
    }
    v.put("services", services);
    List<Object> folders = new ArrayList<>();
    for (BackupReport.FolderTotals f : r.mediaFolders()) {
      Map<String, Object> t = totals(f.totals());
      t.put("name", f.name());
      folders.add(t);
    }
    v.put("folders", folders);
    v.put("hasFolders", !folders.isEmpty());
    List<Object> chats = new ArrayList<>();
    for (ChatProgress c : r.chats()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", c.chat().name());
      t.put("backedUp", c.backedUp());
      t.put("size", size(c.bytes()));
      t.put("waiting", c.waiting());
      t.put("failed", c.failed());
      t.put("filed", c.placed());
      chats.add(t);
    }
    v.put("chats", chats);
    v.put("hasChats", !chats.isEmpty());
    v.put("chart", MonthChart.of(r.months()));
    v.put("hasMonths", !r.months().isEmpty());
    v.put("quota", quota(r.photos()));
    List<Object> waiting = new ArrayList<>();
    for (WaitingItems w : r.waiting()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("service", w.service().id());
      t.put("reason", w.reason().id().replace('_', ' '));
      t.put("files", w.files());
      t.put("until", shown.format(w.until()));
      waiting.add(t);
    }
    v.put("waiting", waiting);
    List<Object> failures = new ArrayList<>();
    for (UploadError e : r.failures()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("when", shown.format(e.occurredAt()));
      t.put("type", e.reason().id());
      t.put("retries", e.retryCount());
      t.put("file", e.filePath());
      t.put("message", e.errorMessage());
      t.put("advice", Advice.of(e.reason()));
      failures.add(t);
    }
    v.put("failures", failures);
    v.put("hasFailures", !failures.isEmpty());
    v.put("errorsRecorded", r.errorsRecorded());
    v.put("moreErrors", r.errorsRecorded() > failures.size());
    List<Object> sessions = new ArrayList<>();
    for (UploadSession s : r.sessions()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", s.id());
      t.put("started", shown.format(s.startedAt()));
      t.put("status", s.status().id());
      t.put("chat", s.chatName().orElse(""));
      t.put("files", s.totalFiles());
      t.put("uploaded", s.successCount());
      t.put("duplicates", s.duplicateCount());
      t.put("errors", r.errorsPerSession().getOrDefault(s.id(), 0L));
      t.put("size", size(s.bytesUploaded()));
      sessions.add(t);
    }
    v.put("sessions", sessions);
    v.put("hasSessions", !sessions.isEmpty());
    v.put("contents", r.contents());
    return v;
  }

  private Map<String, Object> quota(BackupReport.PhotosQuotaUse q) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("dailyLimit", q.dailyLimit());
    t.put("dailyLimitText", String.format(Locale.ROOT, "%,d", q.dailyLimit()));
    t.put("committedToday", q.committedToday());
    t.put("requestsKnown", q.requestsToday().isPresent());
    t.put("requestsToday", q.requestsToday().orElse(0L));
    t.put(
        "usedPercent",
        q.requestsToday().isPresent()
            ? Math.min(100, q.requestsToday().get() * 100 / q.dailyLimit())
            : 0);
    t.put("resets", shown.format(q.resetsAt()));
    t.put("backlogFiles", q.backlogFiles());
    t.put("backlogSize", size(q.backlogBytes()));
    t.put("backlogRequests", q.backlogRequests());
    t.put("daysNeeded", q.daysNeeded());
    t.put("oneDay", q.daysNeeded() == 1);
    return t;
  }

  private static Map<String, Object> totals(Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", t.files());
    m.put("safeFiles", t.safeFiles());
    m.put("safeSize", size(t.safeBytes()));
    m.put("duplicateFiles", t.duplicateFiles());
    m.put("waitingFiles", t.waitingFiles());
    m.put("waitingSize", size(t.waitingBytes()));
    m.put("failedFiles", t.failedFiles());
    m.put("failedSize", size(t.failedBytes()));
    long all = Math.max(1, t.files());
    m.put("safePercent", t.safeFiles() * 100 / all);
    m.put("waitingPercent", t.waitingFiles() * 100 / all);
    m.put("failedPercent", t.failedFiles() * 100 / all);
    return m;
  }

  /** {@code 1.4 MiB}, {@code 812 KiB}, {@code 37 B}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }
}
