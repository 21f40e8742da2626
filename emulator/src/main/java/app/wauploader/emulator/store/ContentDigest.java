package app.wauploader.emulator.store;

/**
 * Size and checksums of stored content, all lowercase hex.
 *
 * @param size bytes
 * @param sha256 SHA-256
 * @param md5 MD5
 * @param sha1 SHA-1
 */
public record ContentDigest(long size, String sha256, String md5, String sha1) {}
