package app.wauploader.core.upload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a Google daily quota resets: at midnight Pacific Time
 * (https://developers.google.com/photos/library/guides/api-limits-quotas: "Quota resets at midnight
 * Pacific Time"; the same for Drive's per-day limits).
 */
public final class QuotaReset {
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  private QuotaReset() {}

  /** The quota day {@code now} falls in: its date in Pacific Time. */
  public static LocalDate day(Instant now) {
    return now.atZone(PACIFIC).toLocalDate();
  }

  /** The next midnight in Pacific Time after {@code now}. */
  public static Instant after(Instant now) {
    LocalDate today = now.atZone(PACIFIC).toLocalDate();
    return ZonedDateTime.of(today.plusDays(1).atStartOfDay(), PACIFIC).toInstant();
  }
}
