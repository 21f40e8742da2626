package app.wauploader.db;

import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;

/**
 * What the planner knows about a file before any transfer: the input to {@link
 * UploadItemRepository#insert}.
 *
 * @param state {@link ItemState#PENDING} or {@link ItemState#SKIPPED_DUPLICATE}
 */
public record NewUploadItem(
    long sessionId,
    String sourceKey,
    String sha256,
    long size,
    long mtimeMs,
    String mimeType,
    Service service,
    String container,
    String remoteName,
    ItemState state) {}
