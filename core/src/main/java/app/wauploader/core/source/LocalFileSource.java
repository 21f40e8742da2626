package app.wauploader.core.source;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Media files under folders of the local file system (the WhatsApp {@code Media} folders, see
 * {@link WhatsAppLocations}, or any other tree). Keys are {@code fs:} + the absolute, normalised
 * path.
 *
 * <p>A name that is not valid in the JVM's file-name encoding (invalid UTF-8 bytes; non-ASCII names
 * when {@code sun.jnu.encoding} is not UTF-8) decodes with replacement characters, and that string
 * names another file or none. Such a file gets the key {@code fs://} + the path of its {@code
 * file:} URI, bytes percent-escaped as in URIs (non-ASCII, space, %, …) ({@code
 * fs:///Media/bad%FFname.jpg}): unique, as it is made from the raw bytes (two names decoding to the
 * same string differ, and it never equals a plain key); stable, as the same bytes give the same key
 * in every run under the same encoding. {@link #stat} and {@link #open} find it through the {@code
 * Path} the walk produced, kept in memory for such files only, and in another process from the URI.
 *
 * <p>A root that is itself a symbolic link to a folder is followed; links inside the tree are not
 * (neither listed nor followed). Roots are made absolute and normalised; repeats and roots inside
 * another root are dropped, both as given and once symbolic links are resolved, so each file is
 * offered once per {@link #list} call. Layout (Android 11+: {@code
 * Android/media/com.whatsapp/WhatsApp/Media/}): one folder per kind ({@code WhatsApp Images},
 * {@code WhatsApp Voice Notes/<yyyyww>/}, …), each with {@code Sent/} and {@code Private/}; hidden
 * {@code .Statuses/} and {@code .nomedia} files. Thread-safe.
 */
public final class LocalFileSource implements MediaSource {
  private final List<Path> roots;

  /**
   * @param roots folders to list; relative ones are taken from the working directory (so the empty
   *     path is the working directory). May be empty: such a source lists nothing but still stats
   *     and opens any {@code fs:} key.
   */
  public LocalFileSource(List<Path> roots) {
    this.roots = distinctRoots(roots);
  }

  /** The roots listed: absolute, normalised, without repeats or roots inside another. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * {@code roots} absolute and normalised, in their order, without repeats and without roots inside
   * another root (compared as written: symbolic links are not resolved).
   */
  public static List<Path> distinctRoots(List<Path> roots) {
    List<Path> normalised = new ArrayList<>();
    for (Path root : roots) {
      normalised.add(root.toAbsolutePath().normalize());
    }
    List<Path> result = new ArrayList<>();
    for (int i : outermost(normalised)) {
      result.add(normalised.get(i));
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * Fails on the first root that is missing, not a folder (after following a link) or unreadable.
   *
   * @throws SourceUnavailableException e.g. {@code source folder not found: /sdcard/WhatsApp/Media}
   */
  @Override
  public void check() throws SourceUnavailableException {
    for (Path root : roots) {
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(root, BasicFileAttributes.class);
      } catch (IOException e) {
        throw unavailable(root, e);
      }
      if (!attrs.isDirectory()) {
        throw new SourceUnavailableException("source is not a folder: " + show(root), null);
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        entries.iterator().hasNext();
      } catch (IOException e) {
        throw unavailable(root, e);
      } catch (DirectoryIteratorException e) {
        throw unavailable(root, e.getCause());
      }
    }
  }

  /** The exception for a root that failed with {@code e}: one line naming the root. */
  static SourceUnavailableException unavailable(Path root, IOException e) {
    String message;
    if (e instanceof NoSuchFileException) {
      message =
          Files.isSymbolicLink(root)
              ? "source folder not found (broken symbolic link): "
              : "source folder not found: ";
    } else {
      message = "source folder cannot be read (" + Names.reason(e) + "): ";
    }
    return new SourceUnavailableException(message + show(root), e);
  }

  /**
   * Walks each root in turn (depth first, in directory order), offering each eligible regular file
   * as it is met: not hidden, not under a folder {@code options} skips. Media folder: the first
   * folder below the root named {@code WhatsApp …} ({@code .Statuses}: {@code WhatsApp Statuses}),
   * else the root's own name. Unreadable folders and files go to {@code problems} with {@code
   * where} = their path.
   *
   * @throws SourceUnavailableException as {@link #check}, before anything is offered
   */
  @Override
  public void list(
      ScanOptions options, Consumer<MediaEntry> found, Consumer<SourceProblem> problems)
      throws SourceUnavailableException {
    check();
    List<Path> real = new ArrayList<>();
    for (Path root : roots) {
      try {
        real.add(root.toRealPath());
      } catch (IOException e) {
        real.add(root);
      }
    }
    for (int i : outermost(real)) {
      FolderWalk.walk(roots.get(i), options, found, problems);
    }
  }

  /** True for {@code fs:} keys: any local file, under the roots or not. */
  @Override
  public boolean accepts(String key) {
    return key.startsWith(SourceKeys.FILE);
  }

  /**
   * @return empty if nothing, or no longer a regular file, is at the key's path
   * @throws IllegalArgumentException if {@code key} is not an {@code fs:} key
   */
  @Override
  public Optional<MediaStat> stat(String key) throws IOException {
    Optional<Path> path = path(key);
    if (!path.isPresent()) {
      return Optional.empty();
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path.get(), BasicFileAttributes.class);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Optional.empty();
    }
    if (!attrs.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of(new MediaStat(attrs.size(), attrs.lastModifiedTime().toMillis()));
  }

  /**
   * Opens the file over a {@link java.nio.channels.FileChannel} (positional reads, any order).
   *
   * @throws IllegalArgumentException if {@code key} is not an {@code fs:} key
   */
  @Override
  public MediaContent open(String key) throws IOException {
    Optional<Path> path = path(key);
    if (!path.isPresent()) {
      throw new NoSuchFileException(SourceKeys.display(key));
    }
    return FileContent.open(path.get());
  }

  private Optional<Path> path(String key) {
    if (!accepts(key)) {
      throw new IllegalArgumentException("not a local file key: " + Names.oneLine(key));
    }
    return FileKeys.path(key.substring(SourceKeys.FILE.length()));
  }

  /** Indexes of {@code paths} not equal to an earlier one and not inside another one. */
  private static List<Integer> outermost(List<Path> paths) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path candidate = paths.get(i);
      boolean covered = false;
      for (int j = 0; j < paths.size() && !covered; j++) {
        Path other = paths.get(j);
        covered = other.equals(candidate) ? j < i : j != i && candidate.startsWith(other);
      }
      if (!covered) {
        kept.add(i);
      }
    }
    return kept;
  }

  private static String show(Path path) {
    return Names.oneLine(path.toString());
  }
}
