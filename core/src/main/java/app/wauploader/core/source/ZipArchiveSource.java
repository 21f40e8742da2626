package app.wauploader.core.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The media files of a ZIP archive (a chat export, a zipped {@code Media} folder), read in place:
 * nothing is ever extracted to disk. Keys are {@code zip:} + the archive's absolute, normalised
 * path + {@code !/} + the entry name, exactly as the archive has it.
 *
 * <p>The archive is opened on first use and kept open until {@link #close}; it is opened again,
 * transparently, after a close or once the file on disk has changed (size, mtime or identity),
 * which fails reads still going on in the old one. Entry names are decoded as UTF-8. Thread-safe.
 */
public final class ZipArchiveSource implements MediaSource, Closeable {
  /** Entry times before 1980-01-01 minus a day (DOS time zero: none was recorded), epoch ms. */
  private static final long EARLIEST_ENTRY_TIME_MS = 315_446_400_000L;

  private final Path archive;
  private final String prefix;
  private final String archiveFolder;
  private Opened opened; // guarded by this

  /**
   * @param archive the ZIP file; made absolute and normalised. Nothing is read before use.
   */
  public ZipArchiveSource(Path archive) {
    this.archive = archive.toAbsolutePath().normalize();
    this.prefix = SourceKeys.zipEntry(FileKeys.text(this.archive), "");
    Path fileName = this.archive.getFileName();
    String name = fileName == null ? "archive" : fileName.toString();
    this.archiveFolder =
        name.toLowerCase(Locale.ROOT).endsWith(".zip")
            ? name.substring(0, name.length() - 4)
            : name;
  }

  /** The archive: absolute, normalised. */
  public Path archive() {
    return archive;
  }

  /**
   * Opens the archive (kept open for listing and reading).
   *
   * @throws SourceUnavailableException if it is missing, unreadable, or not a ZIP archive (a text
   *     file named {@code .zip}, a truncated download), e.g. {@code not a ZIP archive (zip END
   *     header not found): /sdcard/Download/Trip.zip}
   */
  @Override
  public void check() throws SourceUnavailableException {
    try {
      opened();
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /**
   * Lists the file entries of the archive in central-directory order. Skips folders, hidden names,
   * {@code __MACOSX/} and the folders {@code options} leave out; reports unsafe names ({@code
   * ../x}, {@code /x}, {@code ..\x}, NUL) as {@code unsafe entry name} and repeated ones as {@code
   * duplicate entry name}, without offering them.
   *
   * <p>Media folder: the first folder named {@code WhatsApp …} (or {@code .Statuses}) above the
   * entry, else the archive's name without {@code .zip}. Size: from the central directory. Mtime:
   * the entry's, else (none recorded) the archive's.
   */
  @Override
  public void list(
      ScanOptions options, Consumer<MediaEntry> found, Consumer<SourceProblem> problems)
      throws SourceUnavailableException {
    Opened archiveNow;
    try {
      archiveNow = opened();
    } catch (IOException e) {
      throw unavailable(e);
    }
    Set<String> seen = new HashSet<>();
    Enumeration<? extends ZipEntry> entries = archiveNow.zip().entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      String name = entry.getName();
      String key = prefix + name;
      if (ZipNames.unsafe(name)) {
        problems.accept(new SourceProblem(SourceKeys.display(key), "unsafe entry name"));
        continue;
      }
      if (entry.isDirectory() || ZipNames.folder(name)) {
        continue;
      }
      Optional<List<String>> segments = ZipNames.segments(name);
      Optional<String> folder =
          segments.flatMap(s -> ZipNames.mediaFolder(s, options, archiveFolder));
      if (!folder.isPresent()) {
        continue;
      }
      if (!seen.add(name)) {
        problems.accept(new SourceProblem(SourceKeys.display(key), "duplicate entry name"));
      } else if (entry.getSize() < 0) {
        problems.accept(new SourceProblem(SourceKeys.display(key), "damaged entry (no size)"));
      } else {
        String fileName = segments.get().get(segments.get().size() - 1);
        found.accept(
            new MediaEntry(key, fileName, folder.get(), entry.getSize(), archiveNow.mtime(entry)));
      }
    }
  }

  /** True for {@code zip:} keys of entries of this archive. */
  @Override
  public boolean accepts(String key) {
    return key.startsWith(prefix) && key.length() > prefix.length();
  }

  /**
   * @return empty if the archive or the entry no longer exists (or the name is unsafe or a folder)
   * @throws IOException if the archive cannot be read or is no longer a ZIP archive
   * @throws IllegalArgumentException if {@code key} is not a key of this archive
   */
  @Override
  public Optional<MediaStat> stat(String key) throws IOException {
    String name = entryName(key);
    Opened archiveNow;
    try {
      archiveNow = opened();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return archiveNow
        .entry(name)
        .map(e -> new MediaStat(Math.max(0, e.getSize()), archiveNow.mtime(e)));
  }

  /**
   * Opens the entry for positional reads over its stream (see {@link MediaContent#read}: a backward
   * jump re-reads a DEFLATED entry from its start).
   *
   * @throws NoSuchFileException if the archive or the entry no longer exists
   * @throws IllegalArgumentException if {@code key} is not a key of this archive
   */
  @Override
  public MediaContent open(String key) throws IOException {
    String name = entryName(key);
    Opened archiveNow = opened();
    ZipEntry entry =
        archiveNow.entry(name).orElseThrow(() -> new NoSuchFileException(SourceKeys.display(key)));
    return new ZipEntryContent(archiveNow.zip(), entry, Names.oneLine(SourceKeys.display(key)));
  }

  /** Closes the archive if open; the next use opens it again. */
  @Override
  public synchronized void close() throws IOException {
    if (opened != null) {
      Opened was = opened;
      opened = null;
      was.zip().close();
    }
  }

  private String entryName(String key) {
    if (!accepts(key)) {
      throw new IllegalArgumentException("not a key of " + prefix + ": " + Names.oneLine(key));
    }
    return key.substring(prefix.length());
  }

  /** The open archive, opened now if closed or changed on disk since. */
  private synchronized Opened opened() throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(archive, BasicFileAttributes.class);
    if (!attrs.isRegularFile()) {
      throw new ZipException(attrs.isDirectory() ? "a folder" : "not a regular file");
    }
    Stamp now = new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis(), attrs.fileKey());
    if (opened != null && opened.stamp().equals(now)) {
      return opened;
    }
    close();
    opened = new Opened(new ZipFile(archive.toFile()), now);
    return opened;
  }

  private SourceUnavailableException unavailable(IOException e) {
    String what;
    if (e instanceof NoSuchFileException) {
      what = "archive not found";
    } else if (e instanceof AccessDeniedException) {
      what = "archive cannot be read (permission denied)";
    } else if (e instanceof ZipException) {
      what = "not a ZIP archive (" + Names.reason(e) + ")";
    } else {
      what = "archive cannot be read (" + Names.reason(e) + ")";
    }
    return new SourceUnavailableException(what + ": " + Names.oneLine(archive.toString()), e);
  }

  /** What identifies the archive's version on disk. */
  private record Stamp(long size, long mtimeMs, Object fileKey) {}

  private record Opened(ZipFile zip, Stamp stamp) {
    /** The file entry named exactly {@code name}, if there is one and its name is safe. */
    Optional<ZipEntry> entry(String name) {
      if (ZipNames.unsafe(name) || ZipNames.folder(name)) {
        return Optional.empty();
      }
      ZipEntry entry = zip.getEntry(name);
      return entry != null && entry.getName().equals(name) && !entry.isDirectory()
          ? Optional.of(entry)
          : Optional.empty();
    }

    /** The entry's modification time, else the archive's, epoch ms. */
    long mtime(ZipEntry entry) {
      long time = entry.getTime();
      return time < EARLIEST_ENTRY_TIME_MS ? stamp.mtimeMs() : time;
    }
  }
}
