package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chunk's {@code Content-Range: bytes FIRST-LAST/TOTAL}, or a status query's {@code bytes
 * *}{@code /TOTAL}; TOTAL may be {@code *} while unknown
 * (https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable).
 *
 * @param first first byte offset of the chunk; -1 for a status query
 * @param last last byte offset (inclusive); -1 for a status query
 * @param total total content length; -1 when {@code *}
 */
record ContentRange(long first, long last, long total) {
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");

  /**
   * @throws ApiError 400 when the header is malformed or inconsistent
   */
  static ContentRange parse(String header) {
    String value = header.trim();
    Matcher query = QUERY.matcher(value);
    if (query.matches()) {
      return new ContentRange(-1, -1, number(query.group(1), header));
    }
    Matcher range = RANGE.matcher(value);
    if (!range.matches()) {
      throw ApiError.badRequest("Malformed Content-Range header: '" + header + "'.");
    }
    long first = number(range.group(1), header);
    long last = number(range.group(2), header);
    long total = number(range.group(3), header);
    if (last < first || (total >= 0 && last >= total)) {
      throw ApiError.badRequest("Inconsistent Content-Range header: '" + header + "'.");
    }
    return new ContentRange(first, last, total);
  }

  private static long number(String text, String header) {
    if (text.equals("*")) {
      return -1;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Malformed Content-Range header: '" + header + "'.");
    }
  }

  boolean isStatusQuery() {
    return first < 0;
  }

  long length() {
    return last - first + 1;
  }
}
