package app.wauploader.db;

import app.wauploader.domain.Service;

/**
 * A local file the scan cache knows whose content is safely uploaded: a {@code free-up} candidate.
 *
 * @param entry the file as last scanned (key, size, mtime, SHA-256)
 * @param service where its content is
 * @param remoteId the Drive file id or Photos media item id holding it
 * @param inTransfer true if an item of this content is open or locked by a running process right
 *     now (it is then never freed)
 */
public record UploadedFile(ScanEntry entry, Service service, String remoteId, boolean inTransfer) {}
