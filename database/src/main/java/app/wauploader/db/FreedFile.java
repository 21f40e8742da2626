package app.wauploader.db;

import app.wauploader.domain.Service;
import java.time.Instant;

/**
 * One row of the {@code free-up} journal: a local file deleted because its content was confirmed in
 * Google.
 *
 * @param sourceKey where the file was ({@code fs:/abs/path})
 * @param size bytes
 * @param mtimeMs its last-modified time, epoch ms
 * @param sha256 its content, 64 lowercase hex
 * @param service where the content is
 * @param remoteId the Drive file id or Photos media item id holding it
 * @param freedAt when it was deleted
 */
public record FreedFile(
    String sourceKey,
    long size,
    long mtimeMs,
    String sha256,
    Service service,
    String remoteId,
    Instant freedAt) {}
