package app.wauploader.db;

/**
 * One row of the scan cache: what the content of the file at {@code sourceKey} was when it had this
 * size and mtime.
 *
 * @param size bytes
 * @param mtimeMs last-modified time, epoch ms
 * @param sha256 64 lowercase hex characters
 * @param mimeType detected from content
 */
public record ScanEntry(
    String sourceKey, long size, long mtimeMs, String sha256, String mimeType) {}
