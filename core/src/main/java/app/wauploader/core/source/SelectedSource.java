package app.wauploader.core.source;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A source offering only the files of {@link ScanOptions#selection()}, in its order: filtered as
 * they are listed; sorted (all listed first, then offered) unless the order is {@link
 * Selection.Order#LISTED}. Files left out are not eligible for this run.
 */
public final class SelectedSource implements MediaSource {
  /** Videos at least this large go last in the default order (100 MiB). */
  static final long BIG_VIDEO = 100L * 1024 * 1024;

  private static final Pattern VIDEO_NAME = Pattern.compile("\\.(mp4|3gp|mov|mkv|avi|m4v|webm)$");
  private static final Pattern PHOTO_NAME = Pattern.compile("\\.(jpe?g|png|webp|heic|heif|gif)$");

  private final MediaSource source;
  private final Clock clock;

  public SelectedSource(MediaSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  @Override
  public void check() throws SourceUnavailableException {
    source.check();
  }

  @Override
  public void list(
      ScanOptions options, Consumer<MediaEntry> found, Consumer<SourceProblem> problems)
      throws SourceUnavailableException {
    Selection selection = options.selection();
    Predicate<MediaEntry> wanted = selection.test(clock.instant());
    if (selection.order() == Selection.Order.LISTED) {
      source.list(
          options,
          e -> {
            if (wanted.test(e)) {
              found.accept(e);
            }
          },
          problems);
      return;
    }
    List<MediaEntry> all = new ArrayList<>();
    source.list(
        options,
        e -> {
          if (wanted.test(e)) {
            all.add(e);
          }
        },
        problems);
    if (selection.order() == Selection.Order.WHATSAPP) {
      // Each file's rank once, not once per comparison (n log n of them).
      List<Ranked> ranked = new ArrayList<>(all.size());
      for (MediaEntry e : all) {
        ranked.add(new Ranked(rank(e), e));
      }
      all.clear();
      ranked.sort(
          Comparator.comparingInt(Ranked::rank)
              .thenComparing(Ranked::entry, order(Selection.Order.NEWEST)));
      ranked.forEach(r -> found.accept(r.entry()));
      return;
    }
    all.sort(order(selection.order()));
    all.forEach(found);
  }

  private record Ranked(int rank, MediaEntry entry) {}

  static Comparator<MediaEntry> order(Selection.Order order) {
    Comparator<MediaEntry> newest = Comparator.comparingLong(MediaEntry::mtimeMs).reversed();
    Comparator<MediaEntry> byKey = Comparator.comparing(MediaEntry::key);
    return switch (order) {
      case NEWEST -> newest.thenComparing(byKey);
      case OLDEST -> Comparator.comparingLong(MediaEntry::mtimeMs).thenComparing(byKey);
      case SMALLEST -> Comparator.comparingLong(MediaEntry::size).thenComparing(byKey);
      default ->
          Comparator.comparingInt(SelectedSource::rank).thenComparing(newest).thenComparing(byKey);
    };
  }

  /** 0 photos, 1 other files, 2 videos, 3 big videos (by folder and name: no bytes read). */
  private static int rank(MediaEntry e) {
    String name = e.name().toLowerCase(Locale.ROOT);
    String folder = e.mediaFolder().toLowerCase(Locale.ROOT);
    boolean video = folder.contains("video") || VIDEO_NAME.matcher(name).find();
    if (video) {
      return e.size() >= BIG_VIDEO ? 3 : 2;
    }
    boolean photo = folder.contains("images") || PHOTO_NAME.matcher(name).find();
    return photo ? 0 : 1;
  }

  @Override
  public boolean accepts(String key) {
    return source.accepts(key);
  }

  @Override
  public Optional<MediaStat> stat(String key) throws IOException {
    return source.stat(key);
  }

  @Override
  public MediaContent open(String key) throws IOException {
    return source.open(key);
  }
}
