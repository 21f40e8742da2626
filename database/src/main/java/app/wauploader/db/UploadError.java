package app.wauploader.db;

import app.wauploader.domain.FailureReason;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code upload_errors}.
 *
 * @param filePath the file or archive entry, as shown to a user
 * @param reason why it failed (column {@code error_type})
 * @param errorMessage one line, never containing credentials
 * @param retryCount how many times the operation was retried before this row was written
 */
public record UploadError(
    long id,
    long sessionId,
    String filePath,
    FailureReason reason,
    String errorMessage,
    int retryCount,
    Instant occurredAt,
    Optional<Instant> lastRetryAt) {}
