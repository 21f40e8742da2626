package app.wauploader.core.source;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of a local path in keys ({@code fs:} + text, and the archive part of {@code zip:} keys),
 * and back.
 *
 * <p>The text is {@link Path#toString()} when that string names the same file again, which is the
 * case for every name valid in the JVM's file-name encoding ({@code sun.jnu.encoding}; UTF-8 on
 * Android and in UTF-8 locales), control characters included. A name that is not (invalid UTF-8
 * bytes, or non-ASCII names under an ASCII locale) decodes with replacement characters, and that
 * string would name another file or none. Such a path gets the text {@code //} + the path of its
 * {@code file:} URI, where bytes are percent-escaped as in URIs (non-ASCII, space, %, …): {@code
 * ///storage/Media/bad%FFname.jpg}. That text is:
 *
 * <ul>
 *   <li>unique: it is made from the raw bytes of the path, so two names that decode to the same
 *       string get different texts, and it never equals a plain text (a normalised absolute path
 *       never starts with {@code //});
 *   <li>stable: the same bytes give the same text in every run and process (as long as the
 *       file-name encoding is the same: a name valid in one encoding and not in another gets a
 *       plain text in one and an escaped one in the other);
 *   <li>resolvable: the {@code Path} the walk produced is kept in memory under its text, so the
 *       same process finds it again even on a file system whose URIs do not round-trip; another
 *       process rebuilds it from the URI.
 * </ul>
 *
 * Only such paths are kept in memory (a handful, never the whole tree), for the life of the
 * process.
 */
final class FileKeys {
  /** Starts the text of a path whose name is not valid in the file-name encoding. */
  static final String RAW = "//";

  private static final Map<String, Path> UNMAPPABLE = new ConcurrentHashMap<>();

  private FileKeys() {}

  /** The text of absolute, normalised {@code path}, as written in keys. */
  static String text(Path path) {
    String plain = path.toString();
    if (roundTrips(path, plain)) {
      return plain;
    }
    String raw = path.toUri().getRawPath();
    if (raw.length() > 1 && raw.endsWith("/")) {
      raw = raw.substring(0, raw.length() - 1); // toUri() marks folders with a slash
    }
    String text = RAW + raw;
    UNMAPPABLE.put(text, path);
    return text;
  }

  /**
   * The path {@code text} names.
   *
   * @return empty if the text cannot name a file on this platform (e.g. written by a run with
   *     another file-name encoding, or damaged)
   */
  static Optional<Path> path(String text) {
    Path known = UNMAPPABLE.get(text);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      if (text.startsWith(RAW)) {
        return Optional.of(Paths.get(URI.create("file:" + text)));
      }
      return Optional.of(Paths.get(text));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty(); // InvalidPathException is an IllegalArgumentException
    }
  }

  private static boolean roundTrips(Path path, String plain) {
    if (plain.startsWith(RAW)) {
      return false;
    }
    try {
      return path.getFileSystem().getPath(plain).equals(path);
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
