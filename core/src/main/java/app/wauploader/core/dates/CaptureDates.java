package app.wauploader.core.dates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides the {@link CaptureDate} of a WhatsApp media file: the chat message time when the chat was
 * imported, else the date in the file name ({@link FileNameDates}), else the file's mtime.
 *
 * <p>The result depends on the clock only through the "not in the future" check of a name date: a
 * caller that must send the same bytes across restarts should keep the date it decided (or decide
 * again only from the same inputs on a later day, which can only accept more names, never change an
 * accepted one).
 */
public final class CaptureDates {
  private CaptureDates() {}

  /**
   * The capture date of one file.
   *
   * @param fileName the file's name without folders (e.g. {@code IMG-20231105-WA0004.jpg}), never
   *     null; only its WhatsApp shape matters
   * @param chatMessageTime the time of the chat message that carried the file, if a chat export
   *     with it was imported
   * @param mtimeMs the file's last-modified time, ms since the Unix epoch
   * @param zone the user's time zone: a name date is local time there, and every date gets the
   *     offset in force there at its instant
   * @param clock "now", to reject name dates in the future (a clock-less name cannot be trusted)
   * @return the date, never null
   * @throws NullPointerException if an argument is null
   */
  public static CaptureDate of(
      String fileName, Optional<Instant> chatMessageTime, long mtimeMs, ZoneId zone, Clock clock) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    if (chatMessageTime.isPresent()) {
      return at(chatMessageTime.get(), zone, CaptureDate.Source.CHAT_MESSAGE);
    }
    Optional<LocalDateTime> named = FileNameDates.parse(fileName, zone, clock);
    if (named.isPresent()) {
      Instant when = named.get().atZone(zone).toInstant();
      return at(when, zone, CaptureDate.Source.FILE_NAME);
    }
    return at(Instant.ofEpochMilli(mtimeMs), zone, CaptureDate.Source.MTIME);
  }

  /** {@link #of(String, Optional, long, ZoneId, Clock)} with the system clock. */
  public static CaptureDate of(
      String fileName, Optional<Instant> chatMessageTime, long mtimeMs, ZoneId zone) {
    return of(fileName, chatMessageTime, mtimeMs, zone, Clock.system(zone));
  }

  private static CaptureDate at(Instant when, ZoneId zone, CaptureDate.Source source) {
    return new CaptureDate(when, zone.getRules().getOffset(when), source);
  }
}
