package app.wauploader.core.app;

import app.wauploader.db.ChatProgress;
import app.wauploader.db.UploadSession;
import app.wauploader.db.WaitingItems;
import app.wauploader.domain.ItemState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the backup stands, read without taking the database's write lock.
 *
 * @param database the database file
 * @param sessions the newest sessions first
 * @param errorsPerSession {@code upload_errors} rows of each listed session (every error {@code
 *     errors} lists is counted)
 * @param errors {@code upload_errors} rows in all
 * @param files upload items per state
 * @param contents unique contents backed up ({@code file_hashes} rows)
 * @param lockedFiles items some process holds locked right now
 * @param waiting open items that wait, per service and reason, with the earliest time
 * @param chats how far each imported chat's backup is, in import order
 * @param photosQuota how much of today's Google Photos request quota this database's runs used, and
 *     how many days the Photos backlog needs at the rate seen so far
 */
public record StatusReport(
    Path database,
    List<UploadSession> sessions,
    Map<Long, Long> errorsPerSession,
    long errors,
    Map<ItemState, Long> files,
    long contents,
    long lockedFiles,
    List<WaitingItems> waiting,
    List<ChatProgress> chats,
    PhotosQuota photosQuota) {}
