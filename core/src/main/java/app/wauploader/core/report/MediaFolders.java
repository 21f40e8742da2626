package app.wauploader.core.report;

/**
 * The media folder a report counts a file under, from the folder part of its source key ({@code
 * fs:/…/Media/WhatsApp Images/Sent/}, {@code zip:/…/Trip.zip!/}): the first {@code WhatsApp …}
 * folder below a {@code Media} folder (or anywhere, when there is no {@code Media} folder), {@code
 * .Statuses} as {@code WhatsApp Statuses}; otherwise the innermost folder's or archive's name — the
 * same names the scan gives albums and Drive folders.
 */
final class MediaFolders {
  private MediaFolders() {}

  static String of(String folderKey) {
    String path = folderKey;
    int scheme = path.indexOf(':');
    if (scheme >= 0 && scheme < 5) {
      path = path.substring(scheme + 1);
    }
    String[] segments = path.replace("!/", "/").split("/");
    int start = 0;
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("Media")) {
        start = i + 1;
      }
    }
    for (int i = start; i < segments.length; i++) {
      if (segments[i].equals(".Statuses")) {
        return "WhatsApp Statuses";
      }
      if (segments[i].startsWith("WhatsApp ")) {
        return segments[i];
      }
    }
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].isEmpty()) {
        return segments[i];
      }
    }
    return "(unknown)";
  }
}
