package app.wauploader.core.chat;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides one day/month order for a whole file from all its dates: a date whose first field is
 * above 12 proves day/month, one whose second field is above 12 proves month/day. Only when no date
 * proves either does the fallback locale decide (month/day if its short date pattern puts the month
 * first, as en_US does; else day/month), with a warning.
 *
 * @param order the order to read the file's dates in
 * @param fromLocale true if the locale decided
 * @param warnings what a user should know about the decision; empty when the dates were clear
 */
record DateOrderVote(DateOrder order, boolean fromLocale, List<String> warnings) {
  /**
   * @param headers every header of the file, at least one
   * @param fallback the locale for a file whose dates are all ambiguous
   */
  static DateOrderVote of(List<HeaderLine> headers, Locale fallback) {
    int dayFirst = 0;
    int monthFirst = 0;
    int yearFirst = 0;
    String dayExample = "";
    String monthExample = "";
    String ambiguousExample = "";
    for (HeaderLine h : headers) {
      if (h.yearFirst()) {
        yearFirst++;
      } else if (h.provesDayFirst()) {
        dayExample = dayFirst++ == 0 ? h.dateText() : dayExample;
      } else if (h.provesMonthFirst()) {
        monthExample = monthFirst++ == 0 ? h.dateText() : monthExample;
      } else if (ambiguousExample.isEmpty()) {
        ambiguousExample = h.dateText();
      }
    }
    List<String> warnings = new ArrayList<>();
    if (yearFirst == headers.size()) {
      return new DateOrderVote(DateOrder.YEAR_MONTH_DAY, false, warnings);
    }
    if (dayFirst > 0 || monthFirst > 0) {
      DateOrder order =
          dayFirst >= monthFirst ? DateOrder.DAY_MONTH_YEAR : DateOrder.MONTH_DAY_YEAR;
      if (dayFirst > 0 && monthFirst > 0) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "dates disagree on day/month order: %d read only as day/month (%s), %d only as"
                    + " month/day (%s); the others are read as %s",
                dayFirst,
                dayExample,
                monthFirst,
                monthExample,
                words(order)));
      }
      return new DateOrderVote(order, false, warnings);
    }
    DateOrder order = monthFirst(fallback) ? DateOrder.MONTH_DAY_YEAR : DateOrder.DAY_MONTH_YEAR;
    warnings.add(
        String.format(
            Locale.ROOT,
            "every date is ambiguous (%s): read as %s, as the device locale %s does",
            ambiguousExample,
            words(order),
            fallback));
    return new DateOrderVote(order, true, warnings);
  }

  /** True if {@code locale}'s short date pattern puts the month before the day and the year. */
  static boolean monthFirst(Locale locale) {
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale)
            .replaceAll("'[^']*'", "");
    int month = pattern.indexOf('M');
    int day = pattern.indexOf('d');
    int year = pattern.indexOf('y');
    return month >= 0 && (day < 0 || month < day) && (year < 0 || month < year);
  }

  private static String words(DateOrder order) {
    return order == DateOrder.MONTH_DAY_YEAR ? "month/day" : "day/month";
  }
}
