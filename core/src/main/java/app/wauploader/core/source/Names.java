package app.wauploader.core.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The naming rules every source shares: which folders and files a listing skips, which folder a
 * file counts under, and one-line text for messages.
 */
public final class Names {
  /** Folder of stickers (skipped unless asked for). */
  static final String STICKERS = "WhatsApp Stickers";

  /** Folder of contacts' profile photos (skipped unless asked for). */
  static final String PROFILE_PHOTOS = "WhatsApp Profile Photos";

  /** Hidden folder of viewed statuses (skipped unless asked for). */
  static final String STATUSES = ".Statuses";

  /** The media folder name files under {@link #STATUSES} count under. */
  static final String STATUSES_FOLDER = "WhatsApp Statuses";

  private Names() {}

  /** True if a listing under {@code options} goes into the folder named {@code dirName}. */
  public static boolean wantedFolder(String dirName, ScanOptions options) {
    if (dirName.equals(STATUSES)) {
      return options.includeStatuses();
    }
    if (dirName.startsWith(".")) {
      return false;
    }
    if (dirName.equals(STICKERS)) {
      return options.includeStickers();
    }
    if (dirName.equals(PROFILE_PHOTOS)) {
      return options.includeProfilePhotos();
    }
    return true;
  }

  /** True if a file named {@code fileName} is hidden (never listed: {@code .nomedia}, …). */
  public static boolean hidden(String fileName) {
    return fileName.startsWith(".");
  }

  /**
   * The media folder a folder named {@code dirName} stands for ({@code WhatsApp …} as is, {@code
   * .Statuses} as {@code WhatsApp Statuses}), or null if it is not one.
   */
  public static String mediaFolder(String dirName) {
    if (dirName.equals(STATUSES)) {
      return STATUSES_FOLDER;
    }
    return dirName.startsWith("WhatsApp ") ? dirName : null;
  }

  /**
   * One line for a user: the reason of {@code e} without the path it names ({@code permission
   * denied} for an access error, {@code no longer exists} for a vanished file, else the system's
   * reason, such as {@code File name too long}).
   */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no longer exists";
    }
    String reason = null;
    if (e instanceof FileSystemException) {
      reason = ((FileSystemException) e).getReason();
      if (reason == null) {
        reason = e.getClass().getSimpleName(); // the message is only the path
      }
    } else if (e instanceof FileNotFoundException && e.getMessage() != null) {
      // java.io names the reason last: "/x/a.zip (Permission denied)"; Android: "…: open failed:
      // EACCES (Permission denied)".
      String message = e.getMessage();
      int open = message.lastIndexOf(" (");
      reason =
          open >= 0 && message.endsWith(")")
              ? message.substring(open + 2, message.length() - 1)
              : message;
    } else if (e.getMessage() != null) {
      reason = e.getMessage();
    }
    if (reason == null) {
      return e.getClass().getSimpleName();
    }
    return reason.equalsIgnoreCase("permission denied") ? "permission denied" : oneLine(reason);
  }

  /**
   * {@code text} on one line: control characters (newline, tab, NUL, …) written as {@code \n},
   * {@code \t}, {@code \u0000}.
   */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
