package app.wauploader.db;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code upload_errors}.
 *
 * @param errorType the failure class (e.g. {@code transient}, {@code permanent}, {@code fatal}) and
 *     cause, as written by the uploader
 * @param errorMessage one line, never containing credentials
 * @param retryCount how many times the operation was retried before this row was written
 */
public record UploadError(
    long id,
    long sessionId,
    String filePath,
    String errorType,
    String errorMessage,
    int retryCount,
    Instant occurredAt,
    Optional<Instant> lastRetryAt) {}
