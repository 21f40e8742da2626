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
 * @param chatId the chat a {@code --chat} session backs up; empty for a whole-phone session
 * @param chatName that chat's name
 * @param lastUpdate when the session last changed (a counted file, its end)
 * @param lastProcessedFile the last file whose outcome the session counted
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
    Optional<String> pauseReason,
    Optional<String> chatId,
    Optional<String> chatName,
    Optional<Instant> lastUpdate,
    Optional<String> lastProcessedFile) {}
