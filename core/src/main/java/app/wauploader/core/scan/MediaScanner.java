package app.wauploader.core.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * Walks source roots and streams every eligible media file to a consumer as it is found, so hashing
 * and uploading start before the walk ends. Symbolic links are not followed.
 *
 * <p>Layout (Android 11+: {@code Android/media/com.whatsapp/WhatsApp/Media/}): one folder per kind
 * ({@code WhatsApp Images}, {@code WhatsApp Video}, {@code WhatsApp Voice Notes/<yyyyww>/}, …),
 * each with {@code Sent/} and {@code Private/}; hidden {@code .Statuses/} and {@code .nomedia}
 * marker files.
 */
public final class MediaScanner {
  /** Folder of stickers (skipped unless asked for). */
  public static final String STICKERS = "WhatsApp Stickers";

  /** Folder of contacts' profile photos (skipped unless asked for). */
  public static final String PROFILE_PHOTOS = "WhatsApp Profile Photos";

  /** Hidden folder of viewed statuses (skipped unless asked for). */
  public static final String STATUSES = ".Statuses";

  private final ScanOptions options;

  public MediaScanner(ScanOptions options) {
    this.options = options;
  }

  /**
   * Walks {@code root}, calling {@code found} for each eligible regular file and {@code problems}
   * for each unreadable path; the walk goes on past problems.
   *
   * @throws IOException if {@code root} itself is missing or not a directory
   */
  public void scan(Path root, Consumer<MediaFile> found, Consumer<ScanProblem> problems)
      throws IOException {
    Path start = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(start)) {
      throw new NoSuchFileException(start.toString(), null, "source folder not found");
    }
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(start) || wanted(dir.getFileName().toString())
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
              found.accept(
                  new MediaFile(
                      file,
                      mediaFolder(start, file),
                      attrs.size(),
                      attrs.lastModifiedTime().toMillis()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.toString();
            problems.accept(new ScanProblem(file, reason));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private boolean wanted(String dirName) {
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

  /**
   * The media folder of {@code file}: the first folder below the root named {@code WhatsApp …} or
   * {@code .Statuses}; else the root's own name (a root that is itself a media folder, or any other
   * tree).
   */
  static String mediaFolder(Path root, Path file) {
    Path relative = root.relativize(file);
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.startsWith("WhatsApp ") || name.equals(STATUSES)) {
        return name.equals(STATUSES) ? "WhatsApp Statuses" : name;
      }
    }
    Path rootName = root.getFileName();
    return rootName == null ? "WhatsApp" : rootName.toString();
  }
}
