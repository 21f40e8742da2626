package app.wauploader.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Keeps sqlite-jdbc's native library in the cache folder ({@code
 * $XDG_CACHE_HOME/wa-uploader/sqlite-VERSION/OS/ARCH}, as the launcher keeps its class archive) and
 * points the driver at it ({@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}). Left to itself
 * the driver writes a fresh copy of the library (about 1.5 MB on Linux) into the temporary folder
 * at every start, compares it byte by byte, and scans that folder for the copies of killed runs
 * (thousands after a while): a tenth of a second or more of every command. Anything unusual (no
 * cache folder, a read-only home, a platform without a bundled library) leaves the driver's own way
 * in place.
 */
final class NativeLibraries {
  private NativeLibraries() {}

  /** Sets the driver's library path to the cached copy, making the copy first when needed. */
  static void useCachedSqlite(Map<String, String> env) {
    if (System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    try {
      String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
      String name = System.mapLibraryName("sqlitejdbc");
      URL resource = org.sqlite.JDBC.class.getResource("/org/sqlite/native/" + folder + "/" + name);
      if (resource == null) {
        return;
      }
      URLConnection connection = resource.openConnection();
      long size = connection.getContentLengthLong();
      Path dir =
          cacheHome(env)
              .resolve("wa-uploader")
              .resolve("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion())
              .resolve(folder);
      Path library = dir.resolve(name);
      if (!Files.isRegularFile(library) || Files.size(library) != size) {
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, name, ".partial");
        try (InputStream in = connection.getInputStream()) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
          Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
      } else {
        connection.getInputStream().close();
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException e) {
      // The driver extracts its library itself, as it always did.
    }
  }

  private static Path cacheHome(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return xdg != null && !xdg.isEmpty() ? Paths.get(xdg) : Paths.get(home, ".cache");
  }
}
