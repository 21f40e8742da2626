package app.wauploader.core.chat;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a chat export: a message with a sender, or a system line (sender empty) such as "You
 * created group "Trip"" or the end-to-end encryption notice.
 *
 * @param time the date and minute (and second, where the export has one) as written, in the
 *     exporting device's local time; exports carry no time zone
 * @param sender the sender as written, with bidirectional marks (U+200E, U+202A…U+202C) removed and
 *     no-break spaces turned into spaces ("+33 6 99 88 77 66"); empty for a system line
 * @param text the message text, lines joined with {@code \n}, trailing blank lines dropped; for an
 *     attachment this still holds the marker as written ("IMG-….jpg (file attached)")
 * @param attachment the attached file's name as written in the export, such as {@code
 *     IMG-20231105-WA0012.jpg} (Android) or {@code 00000012-PHOTO-2023-11-05-12-00-00.jpg} (iOS);
 *     empty if the message names no file
 * @param mediaOmitted true if the export left the media out and wrote a placeholder instead: {@code
 *     <Media omitted>}, {@code image omitted}, an old iOS {@code ‎image}, or the literal {@code
 *     null} some Android versions write
 */
public record ChatMessage(
    LocalDateTime time,
    Optional<String> sender,
    String text,
    Optional<String> attachment,
    boolean mediaOmitted) {
  /** Checks that no component is null. */
  public ChatMessage {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(attachment, "attachment");
  }

  /** True for a system line: an entry no participant wrote (no sender). */
  public boolean system() {
    return sender.isEmpty();
  }
}
