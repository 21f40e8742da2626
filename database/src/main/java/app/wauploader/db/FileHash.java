package app.wauploader.db;

import app.wauploader.domain.Service;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code file_hashes}: content that is safely uploaded.
 *
 * @param hash SHA-256 of the content, 64 lowercase hex characters
 * @param filePath the local path it was uploaded from
 * @param fileName the file's name
 * @param size bytes
 * @param mimeType the detected content type
 * @param uploadId Drive file id or Photos media item id
 * @param chatId the WhatsApp chat it belongs to, when known
 * @param sessionId the upload session that uploaded it, when still recorded
 */
public record FileHash(
    String hash,
    String filePath,
    String fileName,
    long size,
    String mimeType,
    Service service,
    String uploadId,
    Optional<String> chatId,
    Optional<Long> sessionId,
    Instant uploadedAt) {}
