package app.wauploader.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and directories only their owner may read: the database, its {@code -wal} and {@code -shm},
 * and its backups hold the upload history and resumable upload URLs.
 *
 * <p>Files are created {@code 0600} and directories {@code 0700} (the mode is given at creation, so
 * there is no moment when they are more open; the process umask can only narrow it). Where the file
 * system has no POSIX permissions ({@code
 * Files.getFileStore(..).supportsFileAttributeView("posix")} is false) files and directories are
 * created without a mode and nothing is tightened. Tightening an existing file is best effort: a
 * file system that keeps no modes (FAT, Android's shared storage) or a file owned by someone else
 * refuses {@code chmod}, and that refusal is ignored rather than failing the open of a database
 * that is otherwise usable.
 */
final class OwnerOnly {
  /** {@code rw-------}. */
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

  /** {@code rwx------}. */
  static final Set<PosixFilePermission> DIRECTORY_MODE =
      PosixFilePermissions.fromString("rwx------");

  private static final Set<PosixFilePermission> OWNER =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private OwnerOnly() {}

  /**
   * Creates {@code dir} and its missing parents, each {@code 0700}. Directories that already exist,
   * {@code dir} included, keep their mode.
   *
   * @throws FileSystemException if {@code dir} or a parent exists and is not a directory
   * @throws IOException if a directory cannot be created
   */
  static void createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      missing.push(existing);
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new FileSystemException(existing.toString(), null, "not a directory");
    }
    boolean posix = existing != null && supportsPosix(existing);
    for (Path path : missing) {
      try {
        if (posix) {
          Files.createDirectory(path, attribute(DIRECTORY_MODE));
        } else {
          Files.createDirectory(path);
        }
      } catch (FileAlreadyExistsException e) {
        // Created by another process meanwhile: theirs, its mode is left alone.
        if (!Files.isDirectory(path)) {
          throw new FileSystemException(path.toString(), null, "not a directory");
        }
      }
    }
  }

  /**
   * Creates the empty file {@code file} with mode {@code 0600}, or, if it exists, {@link #tighten}s
   * it. Its directory must exist.
   *
   * @return true if this call created the file
   * @throws IOException if the file cannot be created
   */
  static boolean createFile(Path file) throws IOException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && supportsPosix(parent)) {
        Files.createFile(file, attribute(FILE_MODE));
      } else {
        Files.createFile(file);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      tighten(file);
      return false;
    }
  }

  /**
   * Removes the group and other permission bits of {@code file} (so {@code 0644} becomes {@code
   * 0600}; {@code 0400} stays {@code 0400}). Nothing happens if it is not a regular file (absent,
   * or a directory), the file system has no POSIX permissions, or it refuses the change.
   */
  static void tighten(Path file) {
    try {
      if (!Files.isRegularFile(file) || !supportsPosix(file)) {
        return;
      }
      Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
      Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
      for (PosixFilePermission permission : current) {
        if (OWNER.contains(permission)) {
          owner.add(permission);
        }
      }
      if (!owner.equals(current)) {
        Files.setPosixFilePermissions(file, owner);
      }
    } catch (NoSuchFileException e) {
      // Gone meanwhile (a -wal or -shm deleted by the last connection closing): nothing to protect.
    } catch (IOException | UnsupportedOperationException e) {
      // The file system keeps no modes, or the file is not ours: best effort, see the class doc.
    }
  }

  /**
   * True if {@code existing}'s file store keeps POSIX permissions. When the store cannot be
   * determined (some Android mounts), the file system's answer is taken.
   */
  static boolean supportsPosix(Path existing) {
    try {
      return Files.getFileStore(existing).supportsFileAttributeView("posix");
    } catch (IOException | SecurityException e) {
      return existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
