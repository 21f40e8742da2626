package app.wauploader.core.source;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where media come from, addressed by stable keys: the local file system ({@link LocalFileSource}),
 * a ZIP archive read in place ({@link ZipArchiveSource}), and on Android the Storage Access
 * Framework. Nothing downstream of a source sees a {@code java.nio.file.Path}: the pipeline lists,
 * stats and reads through this interface only. Implementations are thread-safe.
 */
public interface MediaSource {
  /**
   * Fails when the source as a whole cannot be read (root missing, not a folder, unreadable;
   * archive missing or not a ZIP), before anything is started.
   *
   * @throws SourceUnavailableException with a one-line reason naming the source
   */
  void check() throws SourceUnavailableException;

  /**
   * Lists every eligible media file, streaming each to {@code found} as it is met, so hashing and
   * uploading start before the listing ends. Each file is offered once per call. Parts that cannot
   * be read (a sub-folder without permission, a damaged entry) go to {@code problems} and the
   * listing goes on.
   *
   * @throws SourceUnavailableException if the source as a whole cannot be read
   */
  void list(ScanOptions options, Consumer<MediaEntry> found, Consumer<SourceProblem> problems)
      throws SourceUnavailableException;

  /**
   * True if {@code key} names a file of this source (it can {@link #stat} and {@link #open} it).
   */
  boolean accepts(String key);

  /**
   * The file's size and mtime now.
   *
   * @return empty if the file no longer exists
   * @throws IOException if it cannot be asked (permission, I/O error)
   */
  Optional<MediaStat> stat(String key) throws IOException;

  /**
   * Opens the file for positional reads.
   *
   * @throws java.nio.file.NoSuchFileException if it no longer exists
   * @throws IOException if it cannot be read
   */
  MediaContent open(String key) throws IOException;
}
