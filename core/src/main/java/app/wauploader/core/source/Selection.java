package app.wauploader.core.source;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which listed files a run takes, and in which order (issue 11). Globs use {@link
 * java.nio.file.FileSystem#getPathMatcher} syntax ({@code *}, {@code **}, {@code ?}, {@code [abc]},
 * {@code {a,b}}): one without {@code /} is matched against the file's name ({@code *.opus}), one
 * with {@code /} against {@code <media folder>/<name>} ({@code WhatsApp Images/**}). Matching
 * ignores case (WhatsApp's names differ in case between Android and iOS exports).
 *
 * @param include if not empty, only files matching one of these
 * @param exclude files matching one of these are skipped (after {@code include})
 * @param maxBytes files larger than this are skipped; 0 for no limit
 * @param newerThan only files whose mtime is within this long before the run starts
 * @param order in which order the files are taken
 */
public record Selection(
    List<String> include,
    List<String> exclude,
    long maxBytes,
    Optional<Duration> newerThan,
    Order order) {

  /** The order files are backed up in. */
  public enum Order {
    /**
     * Photos first, then other media, then videos, videos over 100 MiB last; newest first within
     * each (the seed's priority queue: what users miss most goes first, big videos do not hold up
     * the rest).
     */
    WHATSAPP,
    /** Newest mtime first. */
    NEWEST,
    /** Oldest mtime first. */
    OLDEST,
    /** Smallest first (most files per minute). */
    SMALLEST,
    /** As the listing meets them (streamed: uploads start before the listing ends). */
    LISTED;

    /** Parses {@code whatsapp}, {@code newest}, … (case-insensitive). */
    public static Order parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * @throws IllegalArgumentException for a negative size, a negative age or a malformed glob
   */
  public Selection {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (maxBytes < 0 || newerThan.map(Duration::isNegative).orElse(false)) {
      throw new IllegalArgumentException("negative size or age");
    }
    for (String glob : include) {
      matcher(glob);
    }
    for (String glob : exclude) {
      matcher(glob);
    }
  }

  /** Every file, in the default order. */
  public static Selection all() {
    return new Selection(List.of(), List.of(), 0, Optional.empty(), Order.WHATSAPP);
  }

  /** True if nothing is filtered out (only the order may differ). */
  public boolean takesAll() {
    return include.isEmpty() && exclude.isEmpty() && maxBytes == 0 && newerThan.isEmpty();
  }

  /** A test of entries against this selection, with "now" for {@code newerThan}. */
  public java.util.function.Predicate<MediaEntry> test(Instant now) {
    List<PathMatcher> in = matchers(include);
    List<PathMatcher> out = matchers(exclude);
    List<Boolean> inPaths = paths(include);
    List<Boolean> outPaths = paths(exclude);
    long since = newerThan.map(d -> now.minus(d).toEpochMilli()).orElse(Long.MIN_VALUE);
    return e -> {
      if (maxBytes > 0 && e.size() > maxBytes) {
        return false;
      }
      if (e.mtimeMs() < since) {
        return false;
      }
      if (!in.isEmpty() && !any(in, inPaths, e)) {
        return false;
      }
      return !any(out, outPaths, e);
    };
  }

  private static boolean any(List<PathMatcher> matchers, List<Boolean> paths, MediaEntry e) {
    for (int i = 0; i < matchers.size(); i++) {
      String candidate = paths.get(i) ? e.mediaFolder() + "/" + e.name() : e.name();
      try {
        if (matchers.get(i).matches(Paths.get(candidate.toLowerCase(Locale.ROOT)))) {
          return true;
        }
      } catch (InvalidPathException oddName) {
        // a name no path can hold (a NUL byte) matches no glob
      }
    }
    return false;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> out = new ArrayList<>();
    for (String g : globs) {
      out.add(matcher(g));
    }
    return out;
  }

  private static List<Boolean> paths(List<String> globs) {
    List<Boolean> out = new ArrayList<>();
    for (String g : globs) {
      out.add(g.contains("/"));
    }
    return out;
  }

  private static PathMatcher matcher(String glob) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a glob: " + glob + " (" + e.getMessage() + ")", e);
    }
  }
}
