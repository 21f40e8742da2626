package app.wauploader.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * The request body as read from the socket: reads in slices of at most {@link
 * Bandwidth#sliceBytes()}, reports every byte read to a counter as it arrives, paces reads to the
 * shared {@link Bandwidth}, and turns any read failure into {@link ClientDisconnectedException}.
 * Not thread-safe (one request, one thread).
 */
public final class SocketBody extends InputStream {
  private final InputStream socket;
  private final LongConsumer onBytes;
  private final Bandwidth bandwidth;
  private boolean eof;

  /**
   * @param socket the raw body from the HTTP server (already de-chunked)
   * @param onBytes told of each slice's byte count as it is read
   * @param bandwidth shared pace; {@link Bandwidth#unlimited()} for none
   */
  public SocketBody(InputStream socket, LongConsumer onBytes, Bandwidth bandwidth) {
    this.socket = socket;
    this.onBytes = onBytes;
    this.bandwidth = bandwidth;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (eof) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n;
    try {
      n = socket.read(buffer, offset, Math.min(length, bandwidth.sliceBytes()));
    } catch (IOException e) {
      throw new ClientDisconnectedException(
          "client connection broke while sending the body: " + e.getMessage(), e);
    }
    if (n < 0) {
      eof = true;
      return -1;
    }
    onBytes.accept(n);
    bandwidth.pace(n);
    return n;
  }

  /**
   * Reads and discards up to {@code maxBytes} of what is left, so a client still sending gets to
   * read the answer. Failures are ignored.
   *
   * @return true when the body was read to its end
   */
  public boolean drain(long maxBytes) {
    byte[] buffer = new byte[16 * 1024];
    long left = maxBytes;
    try {
      while (left > 0) {
        int n = read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          return true;
        }
        left -= n;
      }
      return read(buffer, 0, 1) < 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    // The HTTP server owns the socket stream; closing the exchange closes it.
  }
}
