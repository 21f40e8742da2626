package app.wauploader.core.dates;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a rewritten copy: a sequence of pieces, each either new bytes held in memory or a
 * range of the original read on demand. Built once; immutable after {@link #build()}.
 */
final class Splice {
  /**
   * One piece: {@code bytes} when not null, else {@code length} bytes of the original at {@code
   * from}.
   */
  record Piece(long outStart, long length, long from, byte[] bytes) {}

  private final List<Piece> pieces = new ArrayList<>();
  private long size;
  private long originalEnd;

  /** Appends new bytes (kept, not copied: the caller must not change them). */
  Splice literal(byte[] bytes) {
    if (bytes.length > 0) {
      pieces.add(new Piece(size, bytes.length, -1, bytes));
      size += bytes.length;
    }
    return this;
  }

  /**
   * Appends {@code length} bytes of the original from {@code from}. Ranges come in the original's
   * order and never overlap, so one sequential read of the original yields the copy ({@link
   * SentCopy#digests}).
   *
   * @throws IllegalArgumentException if the range starts before the end of the previous one
   */
  Splice copy(long from, long length) {
    if (from < originalEnd) {
      throw new IllegalArgumentException(
          "range at " + from + " starts before the previous range's end " + originalEnd);
    }
    if (length > 0) {
      originalEnd = from + length;
      pieces.add(new Piece(size, length, from, null));
      size += length;
    }
    return this;
  }

  /** The pieces in output order (contiguous from 0), and the total size. */
  Piece[] build() {
    return pieces.toArray(new Piece[0]);
  }

  long size() {
    return size;
  }
}
