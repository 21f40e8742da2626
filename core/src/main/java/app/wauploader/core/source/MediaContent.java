package app.wauploader.core.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * An open media file, read by position so a resumable transfer can continue at any offset (the
 * server's acknowledged offset) without sending the bytes before it again. Not thread-safe: one
 * reader per transfer or hash.
 */
public interface MediaContent extends Closeable {
  /**
   * Reads up to {@code length} bytes of the file starting at byte {@code position} into {@code
   * buffer[offset…]}. Reads at increasing positions are cheap; an earlier position may cost a
   * re-read from the start (compressed archive entries).
   *
   * @param position 0-based byte offset, ≥ 0
   * @return bytes read (≥ 1 when {@code length} > 0), or -1 at or past the end of the file
   * @throws IOException if the file cannot be read (vanished, permission, corrupt archive)
   */
  int read(long position, byte[] buffer, int offset, int length) throws IOException;
}
