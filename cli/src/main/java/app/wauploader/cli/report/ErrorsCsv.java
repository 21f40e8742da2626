package app.wauploader.cli.report;

import app.wauploader.cli.Advice;
import app.wauploader.db.UploadError;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code errors --format csv}: RFC 4180 (comma, CRLF, fields with a comma, quote or line break
 * quoted, quotes doubled), a header row, one row per recorded failure. Times as in {@link
 * ReportJson}.
 */
public final class ErrorsCsv {
  /** The header, in column order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "session",
          "occurred_at",
          "type",
          "retries",
          "last_retry_at",
          "file",
          "message",
          "advice");

  private ErrorsCsv() {}

  /** Writes {@code errors} as CSV to {@code out}. */
  public static void write(List<UploadError> errors, ReportJson times, Appendable out)
      throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(new String[0])).get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (UploadError e : errors) {
        csv.printRecord(
            e.id(),
            e.sessionId(),
            times.time(e.occurredAt()),
            e.reason().id(),
            e.retryCount(),
            e.lastRetryAt().map(times::time).orElse(""),
            e.filePath(),
            e.errorMessage(),
            Advice.of(e.reason()));
      }
      csv.flush();
    }
  }
}
