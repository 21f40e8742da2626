package app.wauploader.android;

import app.wauploader.core.app.RunReports;
import app.wauploader.db.UploadError;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The errors screen's text: each recorded failure with its reason and the same advice as {@code
 * wa-uploader errors}, in the app's words ({@link RunReports#advice}).
 */
final class ErrorsText {
  private ErrorsText() {}

  static String render(List<UploadError> errors, DateTimeFormatter time) {
    if (errors.isEmpty()) {
      return "No failures recorded.";
    }
    StringBuilder out = new StringBuilder();
    for (UploadError e : errors) {
      out.append(time.format(e.occurredAt()))
          .append("  ")
          .append(e.filePath())
          .append('\n')
          .append("  ")
          .append(e.reason().id().replace('_', ' '))
          .append(": ")
          .append(e.errorMessage())
          .append('\n')
          .append("  What to do: ")
          .append(RunReports.advice(e.reason(), Words.APP))
          .append("\n\n");
    }
    return out.toString();
  }
}
