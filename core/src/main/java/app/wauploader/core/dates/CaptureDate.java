package app.wauploader.core.dates;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When a photo or video was taken (or sent), as far as WhatsApp's leftovers tell: the instant, the
 * UTC offset of the local clock at that instant (written as EXIF {@code OffsetTimeOriginal}), and
 * where the date came from.
 *
 * @param when the capture instant (UTC), never null
 * @param offset the local UTC offset at {@code when}, never null (whole minutes in practice)
 * @param source what the date was taken from, never null
 */
public record CaptureDate(Instant when, ZoneOffset offset, Source source) {
  /** Where a {@link CaptureDate} came from, best first. */
  public enum Source {
    /** The time of the chat message the file was attached to (an imported chat export). */
    CHAT_MESSAGE,
    /** The date (and for iOS exports the time) in WhatsApp's file name. */
    FILE_NAME,
    /** The file's last-modified time: WhatsApp sets it when the file arrives or is saved. */
    MTIME
  }

  /**
   * @throws NullPointerException if any component is null
   */
  public CaptureDate {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(source, "source");
  }

  /** The wall-clock time at {@link #offset}, as a camera would have recorded it. */
  public LocalDateTime localDateTime() {
    return LocalDateTime.ofInstant(when, offset);
  }
}
