package app.wauploader.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for entry names of ZIP archives. Both {@code /} and {@code \} separate segments
 * (archives made on Windows use either). Names are never turned into paths on disk: they are only
 * read in place, and unsafe ones are not even offered.
 */
final class ZipNames {
  /** Top folder of macOS resource forks in archives made by Finder. */
  static final String MACOS_RESOURCES = "__MACOSX";

  private ZipNames() {}

  /**
   * True if {@code name} would reach outside a folder it were extracted to (zip slip) or cannot be
   * a file name: absolute ({@code /x}, {@code \x}, {@code C:x}), with a {@code ..} segment, or
   * holding NUL.
   */
  static boolean unsafe(String name) {
    if (name.indexOf('\0') >= 0) {
      return true;
    }
    String slashed = name.replace('\\', '/');
    if (slashed.startsWith("/")
        || (slashed.length() >= 2
            && slashed.charAt(1) == ':'
            && isAsciiLetter(slashed.charAt(0)))) {
      return true;
    }
    for (String segment : slashed.split("/", -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code name} is a folder entry (ends with a separator). */
  static boolean folder(String name) {
    return name.endsWith("/") || name.endsWith("\\");
  }

  /**
   * The segments of a safe, non-folder {@code name} without empty and {@code .} ones: folders, then
   * the file name last.
   *
   * @return empty if no segment is left ({@code ./})
   */
  static Optional<List<String>> segments(String name) {
    List<String> result = new ArrayList<>();
    for (String segment : name.replace('\\', '/').split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        result.add(segment);
      }
    }
    return result.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  /**
   * The media folder of an entry with these segments under {@code options}, or empty if a listing
   * skips it (a hidden name, {@code __MACOSX/}, a skipped folder).
   *
   * @param archiveFolder the folder of entries not under a {@code WhatsApp …} folder
   */
  static Optional<String> mediaFolder(
      List<String> segments, ScanOptions options, String archiveFolder) {
    if (segments.get(0).equals(MACOS_RESOURCES)
        || Names.hidden(segments.get(segments.size() - 1))) {
      return Optional.empty();
    }
    String media = null;
    for (String folder : segments.subList(0, segments.size() - 1)) {
      if (!Names.wantedFolder(folder, options)) {
        return Optional.empty();
      }
      if (media == null) {
        media = Names.mediaFolder(folder);
      }
    }
    return Optional.of(media == null ? archiveFolder : media);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
