package app.wauploader.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One entry of an open {@link ZipFile}, read by position over the entry's stream: a read at the
 * stream's position continues it, a later position skips forward (a seek for STORED entries, an
 * inflate for DEFLATED ones), an earlier position opens the entry again from its start.
 *
 * <p>{@code ZipFile} does not check CRC-32s; this does whenever the whole entry was read in order
 * from byte 0 (forward jumps in DEFLATED entries count, as their bytes are inflated anyway): a
 * mismatch, or an entry ending before or after its recorded size, fails the read at the end with a
 * {@link ZipException} rather than letting damaged bytes be hashed or uploaded.
 */
final class ZipEntryContent implements MediaContent {
  private static final int SKIP_BUFFER_BYTES = 64 * 1024;

  private final ZipFile zip;
  private final ZipEntry entry;
  private final String where;
  private final CRC32 crc = new CRC32();
  private InputStream in;

  /** Where {@link #in} is: the index of the next byte it gives. */
  private long position;

  /** True while every byte before {@link #position} went through {@link #crc}. */
  private boolean checked;

  private byte[] skipBuffer;

  ZipEntryContent(ZipFile zip, ZipEntry entry, String where) {
    this.zip = zip;
    this.entry = entry;
    this.where = where;
  }

  @Override
  public int read(long at, byte[] buffer, int offset, int length) throws IOException {
    if (at < 0) {
      throw new IllegalArgumentException("negative position " + at);
    }
    if (length == 0) {
      return 0;
    }
    if (in == null || at < position) {
      reopen();
    }
    if (at > position && !skipTo(at)) {
      return -1;
    }
    int n;
    do {
      n = in.read(buffer, offset, length);
    } while (n == 0);
    if (n < 0) {
      verify();
      return -1;
    }
    if (checked) {
      crc.update(buffer, offset, n);
    }
    position += n;
    return n;
  }

  private void reopen() throws IOException {
    close();
    try {
      in = zip.getInputStream(entry);
    } catch (IllegalStateException closed) {
      // The archive was closed (end of another run, or replaced on disk): a read failure of this
      // file, not a bug; the next attempt opens the archive again.
      throw new IOException("the archive was closed while this entry was read", closed);
    }
    position = 0;
    crc.reset();
    checked = true;
  }

  /** Moves {@link #in} to {@code target}; false if the entry ends before it. */
  private boolean skipTo(long target) throws IOException {
    if (entry.getMethod() == ZipEntry.STORED) {
      checked = false;
      while (position < target) {
        long skipped = in.skip(target - position);
        if (skipped <= 0) {
          if (in.read() < 0) {
            return false;
          }
          skipped = 1;
        }
        position += skipped;
      }
      return true;
    }
    if (skipBuffer == null) {
      skipBuffer = new byte[SKIP_BUFFER_BYTES];
    }
    while (position < target) {
      int n = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, target - position));
      if (n < 0) {
        verify();
        return false;
      }
      if (checked) {
        crc.update(skipBuffer, 0, n);
      }
      position += n;
    }
    return true;
  }

  private void verify() throws ZipException {
    if (!checked) {
      return;
    }
    if (entry.getSize() >= 0 && position != entry.getSize()) {
      throw new ZipException(
          "damaged archive entry " + where + ": " + position + " bytes, not " + entry.getSize());
    }
    if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
      throw new ZipException("damaged archive entry " + where + ": CRC-32 mismatch");
    }
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      InputStream open = in;
      in = null;
      open.close();
    }
  }
}
