package app.wauploader.core.source;

/**
 * What a listing skips. By default: hidden files and folders (names starting with {@code .}, which
 * covers {@code .nomedia} and {@code .Statuses}), {@code WhatsApp Stickers} and {@code WhatsApp
 * Profile Photos}.
 */
public record ScanOptions(
    boolean includeStatuses, boolean includeStickers, boolean includeProfilePhotos) {
  /** Hidden files, .Statuses, Stickers and Profile Photos skipped. */
  public static ScanOptions defaults() {
    return new ScanOptions(false, false, false);
  }
}
