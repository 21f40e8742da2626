package app.wauploader.core.dates;

import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link CaptureDate} into an ISO base media file (MP4, 3GP) or QuickTime movie (MOV) by
 * patching, in place, the creation and modification times of the movie header ({@code moov/mvhd}),
 * every track header ({@code moov/trak/tkhd}) and every media header ({@code moov/trak/mdia/mdhd}).
 * The copy has the original's size; only those 8 or 16 bytes per header differ. Only box headers
 * and those fields are read, by position: {@code moov} may come after {@code mdat}, which is never
 * loaded.
 *
 * <p>Format facts (ISO/IEC 14496-12 §4.2 box, §8.2.2 mvhd, §8.3.2 tkhd, §8.4.2 mdhd; Apple
 * "QuickTime File Format", Movie/Track/Media header atoms and "Calendar date and time values"):
 *
 * <ul>
 *   <li>A box is a 32-bit big-endian size (of the whole box), a 4-character type, then, when size
 *       is 1, a 64-bit "largesize"; size 0 means the box runs to the end of its container (the
 *       file, at top level).
 *   <li>mvhd, tkhd and mdhd are full boxes: 1 byte version, 3 bytes flags, then for version 0 a
 *       32-bit creation_time and 32-bit modification_time, for version 1 the same as 64-bit.
 *   <li>Times are seconds since 1904-01-01 00:00 UTC (Apple: "preferably using UTC"; 0 when the
 *       writer did not know). WhatsApp's own encoder writes 0 in all of them (sample tree).
 * </ul>
 *
 * <p>No copy when the file already has a plausible creation time (2000-01-01 to 2100-01-01 in any
 * of the headers: camera dates win), when a version-0 field cannot hold the date (after
 * 2040-02-06), or when the box structure does not add up (truncated, not ISO BMFF, no {@code moov}
 * or {@code mvhd}). Written here rather than with a library: it is a same-length patch of fixed
 * fields found by walking box headers, and the MP4 libraries on Maven Central (mp4parser/isoparser)
 * rewrite the whole file through their own object model instead of patching by position.
 */
final class BmffDates {
  /** Seconds from 1904-01-01T00:00Z to 1970-01-01T00:00Z. */
  static final long EPOCH_1904 = 2_082_844_800L;

  private static final long PLAUSIBLE_FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
  private static final long PLAUSIBLE_TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

  /** A box: where it starts, where its payload starts, where it ends, and its type. */
  private record Box(long start, long payload, long end, String type) {}

  private BmffDates() {}

  /**
   * The splice for {@code original} with {@code date} written in, or empty (see the class doc).
   *
   * @throws IOException if the original cannot be read (not for a short or malformed file)
   */
  static Optional<Splice> rewrite(OriginalBytes original, CaptureDate date) throws IOException {
    try {
      return patch(original, date);
    } catch (EOFException e) {
      return Optional.empty(); // shorter than its declared size
    }
  }

  private static Optional<Splice> patch(OriginalBytes original, CaptureDate date)
      throws IOException {
    Optional<List<Box>> top = children(original, 0, original.size());
    if (top.isEmpty() || top.get().isEmpty() || !startsLikeBmff(top.get().get(0).type())) {
      return Optional.empty();
    }
    List<Box> headers = new ArrayList<>();
    Optional<Box> moov = first(top.get(), "moov");
    if (moov.isEmpty() || !collect(original, moov.get(), headers)) {
      return Optional.empty();
    }
    if (headers.isEmpty() || !headers.get(0).type().equals("mvhd")) {
      return Optional.empty();
    }
    long seconds = date.when().getEpochSecond() + EPOCH_1904;
    Splice splice = new Splice();
    long done = 0;
    for (Box h : headers) {
      if (h.end() - h.payload() < 4) {
        return Optional.empty();
      }
      int version = original.read(h.payload(), 1)[0] & 0xff;
      int width = version == 0 ? 4 : version == 1 ? 8 : -1;
      if (width < 0 || h.end() - h.payload() < 4 + 2L * width) {
        return Optional.empty();
      }
      long fields = h.payload() + 4;
      byte[] old = original.read(fields, 2 * width);
      long creation = unsigned(old, 0, width) - EPOCH_1904;
      if (creation >= PLAUSIBLE_FROM && creation < PLAUSIBLE_TO) {
        return Optional.empty();
      }
      if (width == 4 && (seconds < 0 || seconds > 0xffff_ffffL)) {
        return Optional.empty();
      }
      byte[] patch = new byte[2 * width];
      put(patch, 0, width, seconds);
      put(patch, width, width, seconds);
      splice.copy(done, fields - done).literal(patch);
      done = fields + patch.length;
    }
    return Optional.of(splice.copy(done, original.size() - done));
  }

  /** mvhd first, then per trak its tkhd and its mdia's mdhd; false if a container is malformed. */
  private static boolean collect(OriginalBytes original, Box moov, List<Box> headers)
      throws IOException {
    Optional<List<Box>> inMoov = children(original, moov.payload(), moov.end());
    if (inMoov.isEmpty()) {
      return false;
    }
    first(inMoov.get(), "mvhd").ifPresent(headers::add);
    for (Box trak : inMoov.get()) {
      if (!trak.type().equals("trak")) {
        continue;
      }
      Optional<List<Box>> inTrak = children(original, trak.payload(), trak.end());
      if (inTrak.isEmpty()) {
        return false;
      }
      first(inTrak.get(), "tkhd").ifPresent(headers::add);
      Optional<Box> mdia = first(inTrak.get(), "mdia");
      if (mdia.isPresent()) {
        Optional<List<Box>> inMdia = children(original, mdia.get().payload(), mdia.get().end());
        if (inMdia.isEmpty()) {
          return false;
        }
        first(inMdia.get(), "mdhd").ifPresent(headers::add);
      }
    }
    return true;
  }

  /**
   * The boxes in {@code [from, to)}, or empty if a box header is cut off or claims to end past
   * {@code to}. Fewer than 8 bytes left at the end are ignored (padding some writers leave).
   */
  private static Optional<List<Box>> children(OriginalBytes original, long from, long to)
      throws IOException {
    List<Box> boxes = new ArrayList<>();
    long pos = from;
    while (to - pos >= 8) {
      byte[] head = original.read(pos, 8);
      long size = unsigned(head, 0, 4);
      String type = new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long payload = pos + 8;
      if (size == 1) {
        if (to - pos < 16) {
          return Optional.empty();
        }
        size = unsigned(original.read(pos + 8, 8), 0, 8);
        payload = pos + 16;
      } else if (size == 0) {
        size = to - pos;
      }
      if (size < payload - pos || size > to - pos) {
        return Optional.empty();
      }
      boxes.add(new Box(pos, payload, pos + size, type));
      pos += size;
    }
    return Optional.of(boxes);
  }

  /** ISO BMFF files start with ftyp; older QuickTime movies with one of these atoms. */
  private static boolean startsLikeBmff(String type) {
    switch (type) {
      case "ftyp":
      case "moov":
      case "mdat":
      case "free":
      case "skip":
      case "wide":
      case "pnot":
        return true;
      default:
        return false;
    }
  }

  private static Optional<Box> first(List<Box> boxes, String type) {
    for (Box b : boxes) {
      if (b.type().equals(type)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** Big-endian unsigned value of {@code width} bytes (a 64-bit one above 2^63 reads negative). */
  private static long unsigned(byte[] b, int at, int width) {
    long v = 0;
    for (int i = 0; i < width; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  private static void put(byte[] b, int at, int width, long value) {
    for (int i = width - 1; i >= 0; i--) {
      b[at + i] = (byte) value;
      value >>>= 8;
    }
  }
}
