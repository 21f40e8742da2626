package app.wauploader.db;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code upload_sessions}: a run over a set of source roots with live counters.
 *
 * @param sourceRoots JSON array of the source root paths
 * @param bytesUploaded body bytes acknowledged by the services during this session
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
    long bytesUploaded) {}
