package app.wauploader.core.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read by position through a {@link FileChannel} (no shared stream position). */
final class FileContent implements MediaContent {
  private final FileChannel channel;

  private FileContent(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Opens {@code file} for reading.
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   * @throws IOException if it cannot be opened (permission, I/O error)
   */
  static FileContent open(Path file) throws IOException {
    return new FileContent(FileChannel.open(file, StandardOpenOption.READ));
  }

  @Override
  public int read(long position, byte[] buffer, int offset, int length) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("negative position " + position);
    }
    if (length == 0) {
      return 0;
    }
    ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
    int n;
    do {
      n = channel.read(target, position);
    } while (n == 0);
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
