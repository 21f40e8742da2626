package app.wauploader.core.dates;

import app.wauploader.core.hash.Sha256;
import app.wauploader.core.source.MediaContent;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The bytes sent to Google Photos for a media file, with its {@link CaptureDate} written in: Google
 * Photos takes a photo's date from EXIF {@code DateTimeOriginal} and a video's from the container's
 * creation time, and the Library API has no way to set it (issue 9). The local file is never
 * changed; the copy is the original's bytes with a few spliced in, read by position so an upload
 * can resume at any offset.
 *
 * <p>Deterministic: the same original bytes and the same date give the same copy, byte for byte, in
 * any run (no clock, no randomness; the EXIF library writes no version or time of its own).
 *
 * <p>Formats:
 *
 * <ul>
 *   <li>{@code image/jpeg}: EXIF date tags added ({@link JpegDates}); the copy has a new header and
 *       then the original's bytes from its first scan (SOS) on, so its size differs.
 *   <li>{@code video/mp4}, {@code video/quicktime}, {@code video/3gpp}, {@code video/3gpp2}: the
 *       {@code mvhd}/{@code tkhd}/{@code mdhd} times patched in place ({@link BmffDates}); the copy
 *       has the original's size.
 *   <li>Everything else (PNG, WEBP, GIF, HEIC/HEIF, audio, documents): no copy, the original is
 *       sent as it is. HEIC, PNG ({@code eXIf}) and WEBP ({@code EXIF} chunk) can carry EXIF, but
 *       writing it there is not done here (HEIC needs an item-location rewrite; WhatsApp sends
 *       photos as JPEG and stickers as WEBP, which are not backed up by default); GIF, audio and
 *       documents have no date field Photos reads.
 * </ul>
 *
 * Not thread-safe (like any {@link MediaContent}). Closing it closes the original.
 */
public final class SentCopy implements MediaContent {
  private final MediaContent original;
  private final long originalSize;
  private final Splice.Piece[] pieces;
  private final long size;

  private SentCopy(MediaContent original, long originalSize, Splice splice) {
    this.original = original;
    this.originalSize = originalSize;
    this.pieces = splice.build();
    this.size = splice.size();
  }

  /**
   * SHA-256 of the original and of the copy.
   *
   * @param original of the original's bytes, 64 lowercase hex
   * @param copy of the copy's bytes, 64 lowercase hex
   */
  public record Digests(String original, String copy) {}

  /**
   * The copy of {@code original} with {@code date} written in, if its format can carry a date and
   * it has none of its own yet.
   *
   * @param original the file's bytes, read by position; on a present result the copy owns it
   *     (closing the copy closes it), on an empty result the caller still does
   * @param size the original's size in bytes, ≥ 0
   * @param mimeType the file's detected MIME type (e.g. {@code image/jpeg}), case-insensitive
   * @param date the date to write
   * @return the copy, or empty when the original should be sent unchanged: the type cannot carry a
   *     date here, the file already has a capture date (camera dates win), or the bytes are not
   *     what the type says (truncated, corrupt, another format)
   * @throws IOException if {@code original} cannot be read (an I/O error, not a bad format)
   */
  public static Optional<SentCopy> of(
      MediaContent original, long size, String mimeType, CaptureDate date) throws IOException {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(date, "date");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    OriginalBytes bytes = new OriginalBytes(original, size);
    Optional<Splice> splice;
    switch (mimeType.toLowerCase(Locale.ROOT)) {
      case "image/jpeg":
        splice = JpegDates.rewrite(bytes, date);
        break;
      case "video/mp4":
      case "video/quicktime":
      case "video/3gpp":
      case "video/3gpp2":
        splice = BmffDates.rewrite(bytes, date);
        break;
      default:
        splice = Optional.empty();
    }
    if (splice.isPresent() && size > 0 && !bytes.hasByteAt(size - 1)) {
      return Optional.empty(); // shorter than its declared size: the copy could not be read out
    }
    return splice.map(s -> new SentCopy(original, size, s));
  }

  /** The copy's size in bytes (what the upload declares as its length). */
  public long size() {
    return size;
  }

  /**
   * Reads the copy's bytes from {@code position}: new header bytes from memory, the rest from the
   * original at the matching position. May return fewer than {@code length} bytes (at a piece
   * boundary or a short read of the original).
   *
   * @param position 0-based byte offset in the copy, ≥ 0
   * @return bytes read (≥ 1 when {@code length} > 0 and {@code position} < {@link #size()}), or -1
   *     at or past the end
   * @throws IllegalArgumentException if {@code position} is negative
   * @throws IOException if the original cannot be read
   */
  @Override
  public int read(long position, byte[] buffer, int offset, int length) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("negative position " + position);
    }
    if (offset < 0 || length < 0 || length > buffer.length - offset) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + ", buffer " + buffer.length);
    }
    if (position >= size) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    Splice.Piece piece = pieces[find(position)];
    long inPiece = position - piece.outStart();
    int n = (int) Math.min(length, piece.length() - inPiece);
    if (piece.bytes() != null) {
      System.arraycopy(piece.bytes(), (int) inPiece, buffer, offset, n);
      return n;
    }
    int got = original.read(piece.from() + inPiece, buffer, offset, n);
    if (got < 0) {
      throw new EOFException(
          "original ended at " + (piece.from() + inPiece) + ": it changed after the copy was made");
    }
    return got;
  }

  /**
   * Hashes the original and the copy in one sequential read of the original (the copy's ranges of
   * the original come in order; its new bytes are in memory): what a transfer checks before it
   * sends a copy (the original is still the planned content) and records (what the server will
   * hold).
   *
   * @param buffer scratch space, any length ≥ 1
   * @throws java.io.EOFException if the original is shorter than its declared size (it changed)
   * @throws IOException if the original cannot be read
   */
  public Digests digests(byte[] buffer) throws IOException {
    java.security.MessageDigest originalDigest = Sha256.newDigest();
    java.security.MessageDigest copyDigest = Sha256.newDigest();
    long cursor = 0;
    for (Splice.Piece piece : pieces) {
      if (piece.bytes() != null) {
        copyDigest.update(piece.bytes());
        continue;
      }
      cursor = feed(cursor, piece.from(), buffer, originalDigest, null);
      cursor = feed(cursor, piece.from() + piece.length(), buffer, originalDigest, copyDigest);
    }
    feed(cursor, originalSize, buffer, originalDigest, null);
    return new Digests(Sha256.hex(originalDigest.digest()), Sha256.hex(copyDigest.digest()));
  }

  /** Reads the original's bytes {@code [from, to)} into {@code a} (and {@code b} when not null). */
  private long feed(
      long from,
      long to,
      byte[] buffer,
      java.security.MessageDigest a,
      java.security.MessageDigest b)
      throws IOException {
    long position = from;
    while (position < to) {
      int n = original.read(position, buffer, 0, (int) Math.min(buffer.length, to - position));
      if (n < 0) {
        throw new EOFException(
            "original ended at " + position + " of " + originalSize + ": it changed");
      }
      a.update(buffer, 0, n);
      if (b != null) {
        b.update(buffer, 0, n);
      }
      position += n;
    }
    return position;
  }

  /** Closes the original. */
  @Override
  public void close() throws IOException {
    original.close();
  }

  /** Index of the piece holding {@code position} (binary search over start offsets). */
  private int find(long position) {
    int lo = 0;
    int hi = pieces.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pieces[mid].outStart() <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
