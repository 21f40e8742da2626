package app.wauploader.core.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * This device's clock against Google's, read from the {@code Date} header of a Google answer (RFC
 * 9110 §6.6.1; one-second resolution). Beyond {@link #TOLERANCE} it is a warning, not a failure:
 * Google checks tokens by its own clock, but times shown and stored locally (when a quota resets,
 * when a file is retried) would be that far off.
 */
public final class ClockCheck {
  /** A clock further off Google's than this is worth a warning. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private ClockCheck() {}

  /**
   * @param google Google's time, when an answer carried one
   * @param local this device's time when the checks ran
   */
  public static CheckResult of(Optional<Instant> google, Instant local) {
    if (google.isEmpty()) {
      return CheckResult.skip("clock", Optional.empty(), "no answer from Google carried a Date");
    }
    Duration skew = Duration.between(google.get(), local);
    long seconds = Math.abs(skew.getSeconds());
    String direction = skew.isNegative() ? "behind" : "ahead of";
    if (skew.abs().compareTo(TOLERANCE) > 0) {
      return CheckResult.warn(
          "clock",
          Optional.empty(),
          "this device's clock is "
              + human(seconds)
              + " "
              + direction
              + " Google's; set the date and time to automatic");
    }
    return CheckResult.ok(
        "clock",
        Optional.empty(),
        seconds <= 1 ? "agrees with Google's" : seconds + " s " + direction + " Google's");
  }

  private static String human(long seconds) {
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
    return (seconds / 60) + " min " + (seconds % 60) + " s";
  }
}
