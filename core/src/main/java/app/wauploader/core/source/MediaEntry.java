package app.wauploader.core.source;

/**
 * One media file offered by a {@link MediaSource}: a local file, an entry of a ZIP archive, or (on
 * Android) a document of the Storage Access Framework.
 *
 * @param key stable identity of the file across runs and processes ({@code fs:/abs/path}, {@code
 *     zip:/abs/archive.zip!/entry}; see {@link SourceKeys}); what the database stores
 * @param name the file's own name (last path segment), exactly as the source has it; it may hold
 *     any character, including control characters
 * @param mediaFolder the WhatsApp media folder it belongs to ({@code WhatsApp Images}, {@code
 *     WhatsApp Voice Notes}, …), or the name of the root or archive for other trees
 * @param size bytes, ≥ 0
 * @param mtimeMs last-modified time, epoch ms (when the file arrived on the phone)
 */
public record MediaEntry(String key, String name, String mediaFolder, long size, long mtimeMs) {
  /** Where the file is, for messages shown to a user (a path, or {@code archive.zip!/entry}). */
  public String where() {
    return SourceKeys.display(key);
  }
}
