package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine-readable outputs, read back with standard parsers: {@code errors --format csv}
 * (commons-csv, RFC 4180) and {@code --format json}, {@code status --json}, {@code upload --json}.
 * File names with commas, quotes, a line break, non-ASCII text and HTML come back unchanged; the
 * documented field names are pinned; times are ISO 8601 with an offset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFormatsTest {
  static final Set<String> ERROR_FIELDS =
      Set.of(
          "id",
          "session",
          "occurred_at",
          "type",
          "retries",
          "last_retry_at",
          "file",
          "message",
          "advice");
  static final Set<String> TOTAL_FIELDS =
      Set.of(
          "files",
          "safe_files",
          "safe_bytes",
          "duplicate_files",
          "waiting_files",
          "waiting_bytes",
          "failed_files",
          "failed_bytes");
  static final Set<String> STATUS_FIELDS =
      Set.of(
          "generated_at",
          "database",
          "exists",
          "total",
          "services",
          "media_folders",
          "chats",
          "months",
          "photos_quota",
          "waiting",
          "sessions",
          "failures",
          "errors_recorded",
          "contents",
          "locked_files");
  static final Set<String> QUOTA_FIELDS =
      Set.of(
          "daily_limit",
          "day_started_at",
          "resets_at",
          "committed_today",
          "requests_today",
          "backlog_files",
          "backlog_bytes",
          "backlog_requests",
          "days_needed");
  static final Set<String> SESSION_FIELDS =
      Set.of(
          "id",
          "started_at",
          "finished_at",
          "status",
          "chat",
          "total_files",
          "processed_files",
          "uploaded",
          "duplicates",
          "errors",
          "bytes_uploaded",
          "paused_until",
          "pause_reason");
  static final Set<String> RUN_FIELDS =
      Set.of(
          "session",
          "dry_run",
          "verdict",
          "exit_code",
          "files",
          "planned",
          "uploaded",
          "duplicate",
          "unchanged",
          "skipped",
          "failed",
          "waiting",
          "deferred",
          "locked",
          "unreadable",
          "filed",
          "bytes_sent",
          "bytes_planned",
          "elapsed_ms",
          "transfers",
          "lowest_transfers",
          "waits",
          "stop");

  Path dir;
  ReportScenario scenario;

  @BeforeAll
  void backUp(@TempDir Path dir) throws Exception {
    this.dir = dir;
    scenario = ReportScenario.run(dir, "--json", "--quiet");
  }

  @AfterAll
  void stop() {
    scenario.close();
  }

  @Test
  void csvParsesBackOneRowPerErrorWithTheNamesUnchanged() throws Exception {
    CliRun csv = CliRun.of("errors", "--db", scenario.db.toString(), "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out()).contains("\r\n").startsWith("id,session,occurred_at,");
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.out()))) {
      assertThat(parser.getHeaderNames())
          .containsExactly(
              "id",
              "session",
              "occurred_at",
              "type",
              "retries",
              "last_retry_at",
              "file",
              "message",
              "advice");
      rows = parser.getRecords();
    }
    assertThat(rows).hasSize((int) sqlLong("SELECT count(*) FROM upload_errors"));
    List<String> rejected = new ArrayList<>();
    for (CSVRecord row : rows) {
      assertThat(row.size()).isEqualTo(9);
      OffsetDateTime.parse(row.get("occurred_at"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertThat(row.get("advice")).isNotBlank();
      if (row.get("type").equals("rejected")) {
        rejected.add(fileName(row.get("file")));
      }
    }
    assertThat(rejected).containsExactlyInAnyOrderElementsOf(ReportScenario.HOSTILE_NAMES);
  }

  @Test
  void errorsJsonHasThePinnedFieldsAndTheSameRows() throws Exception {
    CliRun json = CliRun.of("errors", "--db", scenario.db.toString(), "--format", "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(doc.keySet()).containsExactly("errors");
    JsonArray errors = doc.getAsJsonArray("errors");
    assertThat(errors).hasSize((int) sqlLong("SELECT count(*) FROM upload_errors"));
    List<String> rejected = new ArrayList<>();
    for (JsonElement e : errors) {
      JsonObject o = e.getAsJsonObject();
      assertThat(o.keySet()).containsExactlyInAnyOrderElementsOf(ERROR_FIELDS);
      OffsetDateTime.parse(o.get("occurred_at").getAsString());
      assertThat(o.get("last_retry_at").isJsonNull() || o.get("last_retry_at").isJsonPrimitive())
          .isTrue();
      if (o.get("type").getAsString().equals("rejected")) {
        rejected.add(fileName(o.get("file").getAsString()));
      }
    }
    assertThat(rejected).containsExactlyInAnyOrderElementsOf(ReportScenario.HOSTILE_NAMES);
  }

  @Test
  void statusJsonHasThePinnedFieldsAndTheDatabasesNumbers() throws Exception {
    CliRun status = CliRun.of("status", "--db", scenario.db.toString(), "--json");
    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonObject doc = JsonParser.parseString(status.out()).getAsJsonObject();
    assertThat(doc.keySet()).containsExactlyInAnyOrderElementsOf(STATUS_FIELDS);
    assertThat(doc.getAsJsonObject("total").keySet())
        .containsExactlyInAnyOrderElementsOf(TOTAL_FIELDS);
    assertThat(doc.getAsJsonObject("photos_quota").keySet())
        .containsExactlyInAnyOrderElementsOf(QUOTA_FIELDS);
    for (JsonElement s : doc.getAsJsonArray("sessions")) {
      assertThat(s.getAsJsonObject().keySet()).containsExactlyInAnyOrderElementsOf(SESSION_FIELDS);
      OffsetDateTime.parse(s.getAsJsonObject().get("started_at").getAsString());
    }
    OffsetDateTime.parse(doc.get("generated_at").getAsString());
    JsonObject total = doc.getAsJsonObject("total");
    assertThat(total.get("failed_files").getAsLong())
        .isEqualTo(ReportScenario.HOSTILE_NAMES.size())
        .isEqualTo(sqlLong("SELECT count(*) FROM upload_items WHERE state = 'failed'"));
    assertThat(total.get("safe_files").getAsLong())
        .isEqualTo(3)
        .isEqualTo(sqlLong("SELECT count(*) FROM file_hashes"));
    assertThat(total.get("waiting_files").getAsLong())
        .isEqualTo(
            sqlLong(
                "SELECT count(*) FROM upload_items WHERE service = 'photos' AND state <> 'failed'"));
    assertThat(doc.get("errors_recorded").getAsLong())
        .isEqualTo(sqlLong("SELECT count(*) FROM upload_errors"));
    assertThat(doc.getAsJsonArray("sessions")).hasSize(2);
    assertThat(doc.getAsJsonObject("photos_quota").get("requests_today").getAsLong())
        .as("the refused Photos uploads were requests too")
        .isPositive();
    assertThat(doc.getAsJsonArray("months")).hasSize(1);
    assertThat(doc.getAsJsonArray("months").get(0).getAsJsonObject().get("drive_bytes").getAsLong())
        .isEqualTo(sqlLong("SELECT sum(file_size) FROM file_hashes"));

    CliRun none = CliRun.of("status", "--db", dir.resolve("none.db").toString(), "--json");
    assertThat(JsonParser.parseString(none.out()).getAsJsonObject().get("exists").getAsBoolean())
        .isFalse();
  }

  @Test
  void uploadJsonIsTheLastStdoutLineAndQuietPrintsNothingElse() {
    assertThat(scenario.upload.exitCode()).isEqualTo(ExitCode.QUOTA_PAUSED.code());
    String[] lines = scenario.upload.out().split("\n");
    assertThat(lines).as("--quiet: the JSON line only").hasSize(1);
    JsonObject run = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    assertThat(run.keySet()).containsExactlyInAnyOrderElementsOf(RUN_FIELDS);
    assertThat(run.get("verdict").getAsString()).isEqualTo("waiting_for_quota");
    assertThat(run.get("exit_code").getAsInt()).isEqualTo(ExitCode.QUOTA_PAUSED.code());
    assertThat(run.get("failed").getAsInt()).isEqualTo(ReportScenario.HOSTILE_NAMES.size());
    assertThat(run.get("unchanged").getAsInt()).isEqualTo(3);
    JsonObject wait = run.getAsJsonArray("waits").get(0).getAsJsonObject();
    assertThat(wait.get("service").getAsString()).isEqualTo("photos");
    OffsetDateTime.parse(wait.get("until").getAsString());
    assertThat(scenario.upload.err()).contains("photos paused until");

    CliRun plain =
        CliRun.upload(
            scenario.media,
            scenario.emulator.baseUri().toString(),
            dir.resolve("dry.db"),
            "--dry-run",
            "--json");
    String[] dry = plain.out().split("\n");
    assertThat(dry.length).as("a dry run's plan lines, then the JSON").isGreaterThan(2);
    assertThat(
            JsonParser.parseString(dry[dry.length - 1])
                .getAsJsonObject()
                .get("dry_run")
                .getAsBoolean())
        .isTrue();
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private long sqlLong(String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + scenario.db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
