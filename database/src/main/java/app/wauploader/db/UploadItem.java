package app.wauploader.db;

import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code upload_items}: one file's journey to its target.
 *
 * @param sourceKey where the file is read from: {@code fs:/abs/path}, {@code
 *     zip:/abs/a.zip!/entry}, …
 * @param sha256 64 lowercase hex characters
 * @param size bytes
 * @param mtimeMs last-modified time of the file when planned, epoch ms
 * @param container Drive folder path (e.g. {@code WhatsApp/WhatsApp Documents}) or Photos album
 *     title
 * @param remoteName the name the file gets remotely
 * @param sessionUri Drive resumable session URI or Photos upload URL, while a transfer is open
 * @param ackedOffset bytes the server has acknowledged, 0..size
 * @param uploadToken Photos upload token once all bytes are sent (valid about one day)
 * @param uploadTokenAt when the upload token was received
 * @param remoteId Drive file id or Photos media item id once committed
 * @param attempts transfer attempts made so far
 * @param nextAttemptAt when a retrying or paused item may be tried again
 * @param waitReason why a retrying or paused item waits
 */
public record UploadItem(
    long id,
    Optional<Long> sessionId,
    String sourceKey,
    String sha256,
    long size,
    long mtimeMs,
    String mimeType,
    Service service,
    String container,
    String remoteName,
    ItemState state,
    Optional<String> sessionUri,
    long ackedOffset,
    Optional<String> uploadToken,
    Optional<Instant> uploadTokenAt,
    Optional<String> remoteId,
    int attempts,
    Optional<Instant> nextAttemptAt,
    Optional<FailureReason> waitReason) {}
