package app.wauploader.core.hash;

/**
 * What a file's content is.
 *
 * @param sha256 64 lowercase hex characters
 * @param mimeType detected from the content (magic bytes), the file name only breaking ties
 * @param fromCache true if it came from the scan cache without reading the file
 */
public record Fingerprint(String sha256, String mimeType, boolean fromCache) {}
