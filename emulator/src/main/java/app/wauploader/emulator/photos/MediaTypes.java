package app.wauploader.emulator.photos;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Google Photos accepts: photos and videos only, photos up to 200 MB, videos up to 20 GB
 * (https://developers.google.com/photos/library/guides/upload-media#file-types-sizes and
 * https://support.google.com/googlephotos/answer/6193313). The type comes from {@code
 * X-Goog-Upload-Content-Type}, or else from the file name's extension.
 */
final class MediaTypes {
  static final long MAX_PHOTO_BYTES = 200L * 1000 * 1000;
  static final long MAX_VIDEO_BYTES = 20L * 1000 * 1000 * 1000;

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("heic", "image/heic"),
          Map.entry("heif", "image/heif"),
          Map.entry("avif", "image/avif"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("tif", "image/tiff"),
          Map.entry("tiff", "image/tiff"),
          Map.entry("dng", "image/x-adobe-dng"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4v", "video/x-m4v"),
          Map.entry("3gp", "video/3gpp"),
          Map.entry("3g2", "video/3gpp2"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("avi", "video/x-msvideo"),
          Map.entry("mkv", "video/x-matroska"),
          Map.entry("webm", "video/webm"),
          Map.entry("mpg", "video/mpeg"),
          Map.entry("mpeg", "video/mpeg"),
          Map.entry("wmv", "video/x-ms-wmv"),
          Map.entry("mts", "video/mp2t"),
          Map.entry("m2ts", "video/mp2t"));

  private MediaTypes() {}

  /** The declared type unless missing or generic, else the type of the extension, else empty. */
  static Optional<String> resolve(String declared, String fileName) {
    if (declared != null
        && !declared.isBlank()
        && !declared.startsWith("application/octet-stream")) {
      return Optional.of(declared.trim());
    }
    if (fileName != null) {
      int dot = fileName.lastIndexOf('.');
      if (dot >= 0) {
        return Optional.ofNullable(
            BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }

  static boolean isPhoto(String mimeType) {
    return mimeType.toLowerCase(Locale.ROOT).startsWith("image/");
  }

  static boolean isVideo(String mimeType) {
    return mimeType.toLowerCase(Locale.ROOT).startsWith("video/");
  }
}
