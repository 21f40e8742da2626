package app.wauploader.emulator.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 timestamps as Google's APIs print them: UTC, always three fraction digits, e.g. {@code
 * 2024-05-01T10:15:30.000Z}.
 */
public final class Rfc3339 {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Rfc3339() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Parses an RFC 3339 date-time with any offset.
   *
   * @throws ApiError 400 naming {@code field} when the text is not RFC 3339
   */
  public static Instant parse(String text, String field) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("Invalid value for " + field + ": '" + text + "' is not RFC 3339.");
    }
  }
}
