package app.wauploader.core.source;

/**
 * What a listing skips. By default: hidden files and folders (names starting with {@code .}, which
 * covers {@code .nomedia} and {@code .Statuses}), {@code WhatsApp Stickers} and {@code WhatsApp
 * Profile Photos}.
 *
 * @param selection the user's filters and order (applied by {@link SelectedSource})
 */
public record ScanOptions(
    boolean includeStatuses,
    boolean includeStickers,
    boolean includeProfilePhotos,
    Selection selection) {
  /** These folders, every file, the default order. */
  public ScanOptions(
      boolean includeStatuses, boolean includeStickers, boolean includeProfilePhotos) {
    this(includeStatuses, includeStickers, includeProfilePhotos, Selection.all());
  }

  /** Hidden files, .Statuses, Stickers and Profile Photos skipped. */
  public static ScanOptions defaults() {
    return new ScanOptions(false, false, false);
  }
}
