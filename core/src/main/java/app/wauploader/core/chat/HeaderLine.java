package app.wauploader.core.chat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start of an entry: a line that opens with a date and a time, read as written, before the
 * file's day/month order is known. Recognised layouts (a leading run of bidirectional marks is
 * skipped first):
 *
 * <ul>
 *   <li>Android: {@code 05/11/23, 12:00 - rest}, also {@code 5.11.2023, 12:00 - }, {@code
 *       2023/11/05, 12:00 - }, {@code 11/5/23, 9:05 PM - } (U+202F, no-break or plain space before
 *       AM/PM, also {@code a. m.}/{@code p. m.}), without the comma;
 *   <li>iOS: {@code [05/11/2023, 12:00:00] rest}, {@code [05.11.23, 12:00:00]}, {@code [11/05/23
 *       12:00]}, {@code [05-11-23 12:00:00]}, {@code [5/11/2023, 9:05:00 pm]};
 *   <li>2012: {@code 09/12/2012 17:02:35: rest}.
 * </ul>
 *
 * <p>Date fields are separated by {@code /}, {@code .} or {@code -} (the same one twice); years
 * have two digits (20yy) or four; a four-digit first field is a year (year/month/day).
 *
 * @param format the layout
 * @param first the first date field as written ("05", "2023")
 * @param second the second date field
 * @param third the third date field
 * @param hour the hour as written (1…12 with a meridiem, else 0…23; not checked here)
 * @param minute the minute as written
 * @param seconds the second, 0 if the line has none
 * @param meridiem 'A' (AM), 'P' (PM) or 0 for a 24-hour clock
 * @param rest the text after the header: "Name: text" or a system line; may be ""
 */
record HeaderLine(
    ExportFormat format,
    String first,
    String second,
    String third,
    int hour,
    int minute,
    int seconds,
    char meridiem,
    String rest) {
  /** Bidirectional and zero-width marks WhatsApp puts around names, numbers and system lines. */
  static final String MARKS =
      "\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF";

  private static final Pattern LEADING_MARKS = Pattern.compile("^[" + MARKS + "]+");
  private static final String SPACE = "[ \u00A0\u202F]";
  private static final String DATE = "(\\d{4}|\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})";
  private static final String TIME =
      "(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?"
          + "(?:"
          + SPACE
          + "?([AaPp])\\.?"
          + SPACE
          + "?[Mm]\\.?)?";
  private static final Pattern IOS =
      Pattern.compile("^\\[" + DATE + ",?" + SPACE + TIME + "\\] ?(.*)$");
  private static final Pattern ANDROID =
      Pattern.compile("^" + DATE + ",?" + SPACE + TIME + SPACE + "[-\u2013]" + SPACE + "?(.*)$");
  private static final Pattern LEGACY =
      Pattern.compile("^" + DATE + ",?" + SPACE + TIME + ": (.*)$");

  /** The line without its leading bidirectional marks. */
  static String withoutLeadingMarks(String line) {
    return LEADING_MARKS.matcher(line).replaceFirst("");
  }

  /**
   * Reads the header of {@code line}, if it has one.
   *
   * @return empty if the line does not start with a date and time in a known layout
   */
  static Optional<HeaderLine> of(String line) {
    String plain = withoutLeadingMarks(line);
    if (plain.isEmpty() || !(plain.charAt(0) == '[' || Character.isDigit(plain.charAt(0)))) {
      return Optional.empty();
    }
    Matcher m = IOS.matcher(plain);
    if (m.matches()) {
      return Optional.of(header(ExportFormat.IOS, m));
    }
    m = ANDROID.matcher(plain);
    if (m.matches()) {
      return Optional.of(header(ExportFormat.ANDROID, m));
    }
    m = LEGACY.matcher(plain);
    if (m.matches()) {
      return Optional.of(header(ExportFormat.LEGACY_2012, m));
    }
    return Optional.empty();
  }

  private static HeaderLine header(ExportFormat format, Matcher m) {
    String meridiem = m.group(8);
    return new HeaderLine(
        format,
        m.group(1),
        m.group(3),
        m.group(4),
        Integer.parseInt(m.group(5)),
        Integer.parseInt(m.group(6)),
        m.group(7) == null ? 0 : Integer.parseInt(m.group(7)),
        meridiem == null ? 0 : Character.toUpperCase(meridiem.charAt(0)),
        m.group(9));
  }

  /** The date as written, e.g. "01/02/20", for messages to a user. */
  String dateText() {
    return first + "/" + second + "/" + third;
  }

  /**
   * True if the first field is a four-digit year: the order is year/month/day whatever the file.
   */
  boolean yearFirst() {
    return first.length() == 4;
  }

  /** True if the date can only be day/month (its first field is above 12). */
  boolean provesDayFirst() {
    return !yearFirst() && Integer.parseInt(first) > 12;
  }

  /** True if the date can only be month/day (its second field is above 12). */
  boolean provesMonthFirst() {
    return !yearFirst() && Integer.parseInt(second) > 12;
  }

  /**
   * The time this header stands for, reading the date in {@code order} (a year-first date is read
   * year/month/day in any order).
   *
   * @return empty if that is no valid date and time (31/02, 25:00, a 3-digit year)
   */
  Optional<LocalDateTime> time(DateOrder order) {
    int a = Integer.parseInt(first);
    int b = Integer.parseInt(second);
    int c = Integer.parseInt(third);
    int year;
    int month;
    int day;
    if (yearFirst()) {
      year = a;
      month = b;
      day = c;
    } else {
      year = third.length() == 2 ? 2000 + c : c;
      month = order == DateOrder.MONTH_DAY_YEAR ? a : b;
      day = order == DateOrder.MONTH_DAY_YEAR ? b : a;
    }
    int h = hour;
    if (meridiem == 'A' && h == 12) {
      h = 0; // 12:05 AM is five past midnight; "00:08 a. m." stays 00:08
    } else if (meridiem == 'P' && h < 12) {
      h += 12;
    }
    try {
      return Optional.of(LocalDateTime.of(year, month, day, h, minute, seconds));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
