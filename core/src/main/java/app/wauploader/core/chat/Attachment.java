package app.wauploader.core.chat;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A file a message names: where a backup finds it in the export and how the chat described it.
 *
 * @param name the file name as written in the export ({@code IMG-20231105-WA0012.jpg}, {@code
 *     00000001-PHOTO-2019-06-20-16-00-15.jpg}); inside a ZIP export, media entries carry this name
 * @param time when the message was sent, local time of the exporting device
 * @param sender who sent it
 * @param caption the message text without the attachment marker, trimmed; "" if there is none
 */
public record Attachment(String name, LocalDateTime time, String sender, String caption) {
  /** Checks that no component is null. */
  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(caption, "caption");
  }
}
