package app.wauploader.core.target;

/**
 * What a target needs to open a resumable transfer for one file.
 *
 * @param container Drive folder path ({@code WhatsApp/WhatsApp Documents}) or Photos album title
 *     ({@code WhatsApp Images})
 * @param remoteName file name to give the remote item
 * @param mimeType detected content type
 * @param size total bytes, ≥ 0
 * @param sha256 64 lowercase hex characters, stored with the item where the service allows
 * @param mtimeMs local last-modified time, epoch ms
 */
public record TransferRequest(
    String container, String remoteName, String mimeType, long size, String sha256, long mtimeMs) {}
