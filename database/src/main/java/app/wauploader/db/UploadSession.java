package app.wauploader.db;

import app.wauploader.domain.SessionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code upload_sessions}: a run over a set of source roots with live counters.
 *
 * @param sourceRoots JSON array of the source root paths
 * @param bytesUploaded body bytes acknowledged by the services during this session
 * @param lockedBy the process running it ({@code host:pid:…}) while it runs
 * @param lockedAt the lock's last heartbeat
 * @param pausedUntil when a paused session may go on (a daily quota resets)
 * @param pauseReason why it paused, one line
 */
public record UploadSession(
    long id,
    Instant startedAt,
    Optional<Instant> finishedAt,
    SessionStatus status,
    String sourceRoots,
    int totalFiles,
    int processedFiles,
    int successCount,
    int duplicateCount,
    int errorCount,
    long bytesUploaded,
    Optional<String> lockedBy,
    Optional<Instant> lockedAt,
    Optional<Instant> pausedUntil,
    Optional<String> pauseReason) {}
