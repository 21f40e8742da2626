package app.wauploader.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests compare on disk: modes, and every file's name, size and mtime under a directory.
 */
final class DiskState {
  private DiskState() {}

  /** {@code path}'s permissions as {@code ls} shows them, e.g. {@code rw-------}. */
  static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(
          Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the test where the file system keeps no POSIX permissions. */
  static void assumePosix(Path dir) throws IOException {
    assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView("posix"),
        "the file system of " + dir + " has no POSIX permissions");
  }

  /**
   * Every file and directory under {@code root} (relative name → "size bytes, mtime ns"); the root
   * itself is left out, so an absent root gives an empty map.
   */
  static Map<String, String> listing(Path root) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return entries;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> !p.equals(root))
          .forEach(
              p -> {
                try {
                  BasicFileAttributes a =
                      Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                  String size = a.isDirectory() ? "dir" : a.size() + " bytes";
                  entries.put(
                      root.relativize(p).toString(),
                      size + ", mtime " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " ns");
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
