package app.wauploader.core.dates;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date WhatsApp puts into the names of media files. Shapes (seen in the project's sample
 * tree and the shared corpus, see {@code shared/corpus/SOURCES.md} "Media" and "Chat exports"):
 *
 * <ul>
 *   <li>Android (and WhatsApp Business): {@code IMG|VID|PTT|AUD|DOC|STK-YYYYMMDD-WA<n>…}, e.g.
 *       {@code IMG-20231105-WA0004.jpg}, {@code PTT-20211218-WA0243.opus}: a date, no time, taken
 *       as 12:00 local (the middle of the day keeps the day right for any offset within ±11 h).
 *   <li>iOS chat export: {@code <8 digits>-KIND-YYYY-MM-DD-HH-MM-SS…}, e.g. {@code
 *       00000001-PHOTO-2019-06-20-16-00-15.jpg} (KIND: PHOTO, VIDEO, AUDIO, GIF, STICKER…): local
 *       date and time to the second.
 *   <li>Older iOS exports (2017): {@code YYYY-MM-DD-KIND-<8 digits>…}, e.g. {@code
 *       2017-02-03-PHOTO-00000067.jpg}: a date only, 12:00 local.
 * </ul>
 *
 * A name date is rejected when it is not a real calendar date or time (month 13, 30 February, hour
 * 24), before 2009 (WhatsApp was released in 2009), or later than "now": after today's date for a
 * date-only name, after the clock's instant for a name with a time.
 */
final class FileNameDates {
  /** The first year WhatsApp existed (released 2009). */
  static final int FIRST_YEAR = 2009;

  /** Local time given to a date without a time. */
  static final LocalTime DATE_ONLY_TIME = LocalTime.NOON;

  private static final Pattern ANDROID =
      Pattern.compile("^(?:IMG|VID|PTT|AUD|DOC|STK)-(\\d{4})(\\d{2})(\\d{2})-WA\\d+");
  private static final Pattern IOS =
      Pattern.compile(
          "^\\d{8}-[A-Z]+-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})(?:\\D|$)");
  private static final Pattern IOS_2017 =
      Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-[A-Z]+-\\d{8}(?:\\D|$)");

  private FileNameDates() {}

  /**
   * The local date-time in {@code fileName}, if it has one of the shapes above and passes the
   * checks.
   *
   * @param fileName a file name without folders, never null
   * @param zone the time zone "today" and "now" are judged in
   * @param clock now
   * @return the local date-time (seconds precision), or empty
   */
  static Optional<LocalDateTime> parse(String fileName, ZoneId zone, Clock clock) {
    Matcher m = ANDROID.matcher(fileName);
    if (m.find()) {
      return dateOnly(m, zone, clock);
    }
    m = IOS_2017.matcher(fileName);
    if (m.find()) {
      return dateOnly(m, zone, clock);
    }
    m = IOS.matcher(fileName);
    if (m.find()) {
      return withTime(m, zone, clock);
    }
    return Optional.empty();
  }

  private static Optional<LocalDateTime> withTime(Matcher m, ZoneId zone, Clock clock) {
    LocalTime time;
    try {
      time =
          LocalTime.of(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return at(m, time).filter(d -> !d.atZone(zone).toInstant().isAfter(clock.instant()));
  }

  private static Optional<LocalDateTime> dateOnly(Matcher m, ZoneId zone, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return at(m, DATE_ONLY_TIME).filter(d -> !d.toLocalDate().isAfter(today));
  }

  /** The date in groups 1-3 at {@code time}, if it is a real date from {@link #FIRST_YEAR}. */
  private static Optional<LocalDateTime> at(Matcher m, LocalTime time) {
    int year = Integer.parseInt(m.group(1));
    if (year < FIRST_YEAR) {
      return Optional.empty();
    }
    try {
      LocalDate day =
          LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return Optional.of(day.atTime(time));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
