package app.wauploader.core.source;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One walk of a folder tree for {@link LocalFileSource}: depth first, one open folder at a time
 * whatever the depth, symbolic links below the root neither followed nor listed.
 */
final class FolderWalk {
  private FolderWalk() {}

  /**
   * Offers every eligible regular file below {@code root} to {@code found} as it is met, and every
   * folder or file that cannot be read to {@code problems}; goes on past problems.
   *
   * @param root an absolute, normalised folder (followed if it is a link)
   */
  static void walk(
      Path root,
      ScanOptions options,
      Consumer<MediaEntry> found,
      Consumer<SourceProblem> problems) {
    Path rootName = root.getFileName();
    String rootFolder = rootName == null ? "WhatsApp" : rootName.toString();
    Deque<Folder> pending = new ArrayDeque<>();
    pending.push(new Folder(root, null));
    while (!pending.isEmpty()) {
      Folder folder = pending.pop();
      String mediaFolder = folder.mediaFolder() == null ? rootFolder : folder.mediaFolder();
      List<Folder> subfolders = new ArrayList<>();
      // The stream is closed before going down: one open folder at a time, whatever the depth.
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
        for (Path child : entries) {
          String name = child.getFileName().toString();
          BasicFileAttributes attrs;
          try {
            attrs =
                Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          } catch (IOException e) {
            problems.accept(problem(child, e));
            continue;
          }
          if (attrs.isDirectory()) {
            if (Names.wantedFolder(name, options)) {
              String media = folder.mediaFolder() != null ? mediaFolder : Names.mediaFolder(name);
              subfolders.add(new Folder(child, media));
            }
          } else if (attrs.isRegularFile() && !Names.hidden(name)) {
            String key = SourceKeys.file(FileKeys.text(child));
            long mtimeMs = attrs.lastModifiedTime().toMillis();
            found.accept(new MediaEntry(key, name, mediaFolder, attrs.size(), mtimeMs));
          }
        }
      } catch (IOException e) {
        problems.accept(problem(folder.path(), e));
      } catch (DirectoryIteratorException e) {
        problems.accept(problem(folder.path(), e.getCause()));
      }
      for (int i = subfolders.size() - 1; i >= 0; i--) {
        pending.push(subfolders.get(i));
      }
    }
  }

  private static SourceProblem problem(Path path, IOException e) {
    return new SourceProblem(path.toString(), Names.reason(e));
  }

  /**
   * A folder still to list.
   *
   * @param mediaFolder the media folder of the files below, or null until a {@code WhatsApp …}
   *     folder is met (the root's name then)
   */
  private record Folder(Path path, String mediaFolder) {}
}
