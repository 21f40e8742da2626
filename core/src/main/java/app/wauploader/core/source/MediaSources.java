package app.wauploader.core.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finding the source of a key, and several sources as one. A {@code resume} without a scan reads
 * the keys stored by earlier runs through {@link #forKey}.
 */
public final class MediaSources {
  private static final LocalFileSource FILES = new LocalFileSource(List.of());

  /** One source per archive (by the archive part of its keys), kept for the process's life. */
  private static final Map<String, ZipArchiveSource> ARCHIVES = new ConcurrentHashMap<>();

  private MediaSources() {}

  /**
   * A source that can {@link MediaSource#stat stat} and {@link MediaSource#open open} {@code key}
   * (it lists nothing of its own): for {@code fs:} keys one shared {@link LocalFileSource} without
   * roots; for {@code zip:} keys the {@link ZipArchiveSource} of the archive the key names, one per
   * archive, kept open (see {@link #closeArchives}). When the archive path itself holds {@code !/},
   * the first split that names an existing file is taken.
   *
   * @return empty if no source here reads such keys (another scheme, such as Android's {@code
   *     saf:}, or a malformed key)
   */
  public static Optional<MediaSource> forKey(String key) {
    if (FILES.accepts(key)) {
      return Optional.of(FILES);
    }
    if (!key.startsWith(SourceKeys.ZIP)) {
      return Optional.empty();
    }
    String rest = key.substring(SourceKeys.ZIP.length());
    int split = rest.indexOf(SourceKeys.ZIP_SEPARATOR);
    for (int at = split; at >= 0; at = rest.indexOf(SourceKeys.ZIP_SEPARATOR, at + 1)) {
      Optional<Path> archive = FileKeys.path(rest.substring(0, at));
      if (archive.isPresent() && Files.isRegularFile(archive.get())) {
        split = at;
        break;
      }
    }
    if (split < 0) {
      return Optional.empty();
    }
    String archiveText = rest.substring(0, split);
    Optional<Path> archive = FileKeys.path(archiveText);
    if (!archive.isPresent()) {
      return Optional.empty();
    }
    ZipArchiveSource source =
        ARCHIVES.computeIfAbsent(archiveText, t -> new ZipArchiveSource(archive.get()));
    return source.accepts(key) ? Optional.of(source) : Optional.empty();
  }

  /**
   * Closes the archives {@link #forKey} opened (they open again on next use), e.g. at the end of a
   * run. Contents still being read from them fail.
   */
  public static void closeArchives() throws IOException {
    eachThenFirstFailure(ARCHIVES.values(), IOException.class, ZipArchiveSource::close);
  }

  /** One step over an item that may fail with {@code E}. */
  @FunctionalInterface
  private interface Step<T, E extends Exception> {
    void accept(T item) throws E;
  }

  /**
   * Runs {@code step} on every item even when some fail, then throws the first failure of type
   * {@code type} (later ones suppressed in it); other runtime exceptions pass at once.
   */
  private static <T, E extends Exception> void eachThenFirstFailure(
      Iterable<T> items, Class<E> type, Step<T, E> step) throws E {
    E first = null;
    for (T item : items) {
      try {
        step.accept(item);
      } catch (Exception e) {
        if (!type.isInstance(e)) {
          throw (RuntimeException) e;
        }
        if (first == null) {
          first = type.cast(e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * {@code sources} as one: {@link MediaSource#check check} checks each in turn; {@link
   * MediaSource#list list} lists each in turn (a file found by two of them is offered twice: the
   * caller deduplicates by content); {@link MediaSource#stat stat} and {@link MediaSource#open
   * open} go to the first source that {@link MediaSource#accepts accepts} the key.
   *
   * <p>If a source cannot be listed at all, the others are still listed and the first {@link
   * SourceUnavailableException} is thrown at the end (the others suppressed in it). {@code stat}
   * and {@code open} throw {@link java.nio.file.NoSuchFileException} for a key no source accepts.
   */
  public static MediaSource of(List<MediaSource> sources) {
    return of(sources, key -> Optional.empty());
  }

  /**
   * As {@link #of(List)}, and a key no listed source accepts is read by the source {@code fallback}
   * finds for it (e.g. {@link #forKey}: the keys of earlier runs, for a resume).
   */
  public static MediaSource of(
      List<MediaSource> sources, Function<String, Optional<MediaSource>> fallback) {
    return new Composite(List.copyOf(sources), fallback);
  }

  private record Composite(
      List<MediaSource> sources, Function<String, Optional<MediaSource>> fallback)
      implements MediaSource {
    @Override
    public void check() throws SourceUnavailableException {
      for (MediaSource source : sources) {
        source.check();
      }
    }

    @Override
    public void list(
        ScanOptions options, Consumer<MediaEntry> found, Consumer<SourceProblem> problems)
        throws SourceUnavailableException {
      eachThenFirstFailure(
          sources, SourceUnavailableException.class, s -> s.list(options, found, problems));
    }

    @Override
    public boolean accepts(String key) {
      return sources.stream().anyMatch(s -> s.accepts(key)) || fallback.apply(key).isPresent();
    }

    @Override
    public Optional<MediaStat> stat(String key) throws IOException {
      return route(key).stat(key);
    }

    @Override
    public MediaContent open(String key) throws IOException {
      return route(key).open(key);
    }

    private MediaSource route(String key) throws IOException {
      for (MediaSource source : sources) {
        if (source.accepts(key)) {
          return source;
        }
      }
      return fallback
          .apply(key)
          .orElseThrow(
              () ->
                  new java.nio.file.NoSuchFileException(
                      Names.oneLine(key), null, "no source reads this file"));
    }
  }
}
