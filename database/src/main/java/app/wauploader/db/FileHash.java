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
 * @param sentSha256 SHA-256 of the bytes Google holds, when they differ from the local file's (a
 *     dated copy sent to Google Photos); empty when the file's own bytes were sent
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
    Instant uploadedAt,
    Optional<String> sentSha256) {}
