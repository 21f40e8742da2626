package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes ({@code 500M}) and ages ({@code 30d}) as users type them in options. */
final class Amounts {
  private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)i?b?");
  private static final Pattern AGE = Pattern.compile("(\\d+)([hdwmy])");

  private Amounts() {}

  /**
   * Bytes, or K, M, G (powers of 1024; an optional {@code i}/{@code B} is accepted: 2MiB).
   *
   * @throws UserError ({@link ExitCode#USAGE}) naming {@code option} for anything else
   */
  static long bytes(String text, String option) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserError(
          ExitCode.USAGE, option + " must be a number of bytes, or with K, M or G, not " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }

  /**
   * Hours, days, weeks, months (30 days) or years (365 days): {@code 12h}, {@code 30d}, {@code 8w},
   * {@code 6m}, {@code 1y}.
   *
   * @throws UserError ({@link ExitCode#USAGE}) naming {@code option} for anything else
   */
  static Duration age(String text, String option) {
    Matcher m = AGE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserError(
          ExitCode.USAGE, option + " must be a number and h, d, w, m or y (e.g. 30d), not " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      case "m" -> Duration.ofDays(30 * n);
      default -> Duration.ofDays(365 * n);
    };
  }
}
