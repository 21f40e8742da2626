package app.wauploader.db;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code chat_attachments}: a file a chat export mentions.
 *
 * @param fileName as written in the export ({@code IMG-20231105-WA0012.jpg}, {@code
 *     00000012-PHOTO-2023-11-05-12-00-00.jpg})
 * @param caption the message text that came with it, possibly empty
 * @param sourceKey where a file of that name was found, once found
 * @param sha256 that file's content, once hashed
 */
public record ChatAttachment(
    String chatId,
    String fileName,
    Instant sentAt,
    String sender,
    String caption,
    Optional<String> sourceKey,
    Optional<String> sha256) {}
