package app.wauploader.cli.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets (OAuth client, tokens): directory mode 0700, file mode 0600, atomically — a temp
 * file in the same directory, written, fsynced, renamed over the target — so a crash leaves either
 * the old or the new file, never half of one.
 */
public final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /**
   * Atomically replaces {@code file} with {@code content}, owner-only.
   *
   * @throws IOException if the directory cannot be created or the disk is full
   */
  public static void write(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    createPrivateDirectory(dir);
    Path temp =
        posix()
            ? Files.createTempFile(
                dir,
                ".tmp-",
                ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".tmp-", ".part");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (posix()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Creates {@code dir} (and parents) and makes it 0700. */
  public static void createPrivateDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (posix()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
