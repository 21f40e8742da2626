package app.wauploader.core.dates;

import app.wauploader.core.source.MediaContent;
import java.io.EOFException;
import java.io.IOException;

/** Whole-range reads from a {@link MediaContent} of known size (it may return short reads). */
final class OriginalBytes {
  private final MediaContent content;
  private final long size;

  OriginalBytes(MediaContent content, long size) {
    this.content = content;
    this.size = size;
  }

  /** The content's size in bytes, as the caller declared it. */
  long size() {
    return size;
  }

  /**
   * Whether the content really has a byte at {@code position} (a file may be shorter than said).
   */
  boolean hasByteAt(long position) throws IOException {
    return content.read(position, new byte[1], 0, 1) > 0;
  }

  /**
   * Exactly {@code length} bytes from {@code position}.
   *
   * @throws EOFException if the range passes {@link #size()} or the content ends early (a file
   *     shorter than declared, truncated)
   * @throws IOException if the content cannot be read
   */
  byte[] read(long position, int length) throws IOException {
    if (position < 0 || length < 0 || position + length > size) {
      throw new EOFException("range " + position + "+" + length + " outside " + size + " bytes");
    }
    byte[] out = new byte[length];
    int done = 0;
    while (done < length) {
      int n = content.read(position + done, out, done, length - done);
      if (n < 0) {
        throw new EOFException("content ended at " + (position + done) + " of " + size);
      }
      done += n;
    }
    return out;
  }
}
