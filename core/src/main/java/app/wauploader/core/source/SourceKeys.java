package app.wauploader.core.source;

/**
 * The stable keys of media files, as stored in the database ({@code upload_items.source_key},
 * {@code scan_cache.source_key}): {@code fs:} + absolute normalised path for a local file; {@code
 * zip:} + absolute path of the archive + {@code !/} + entry name for a file inside a ZIP archive.
 * Android's Storage Access Framework will add {@code saf:} + document URI.
 *
 * <p>A path whose name is not valid in the JVM's file-name encoding (invalid UTF-8 bytes) is
 * written {@code //} + the path of its {@code file:} URI, bytes percent-escaped as in URIs
 * (non-ASCII, space, %, …): {@code fs:///storage/Media/bad%FFname.jpg} (see {@link
 * LocalFileSource}). Normalised absolute paths never start with {@code //}, so such keys never
 * clash with plain ones.
 */
public final class SourceKeys {
  /** Prefix of local file keys. */
  public static final String FILE = "fs:";

  /** Prefix of ZIP archive entry keys. */
  public static final String ZIP = "zip:";

  /** Between the archive path and the entry name in a ZIP key. */
  public static final String ZIP_SEPARATOR = "!/";

  private SourceKeys() {}

  /** The key of the local file at absolute path {@code absolutePath}. */
  public static String file(String absolutePath) {
    return FILE + absolutePath;
  }

  /** The key of entry {@code entryName} of the archive at absolute path {@code archivePath}. */
  public static String zipEntry(String archivePath, String entryName) {
    return ZIP + archivePath + ZIP_SEPARATOR + entryName;
  }

  /** The key without its scheme, for messages: a path, or {@code /a/Trip.zip!/IMG-1.jpg}. */
  public static String display(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(colon + 1);
  }
}
