package app.wauploader.core.upload;

import app.wauploader.core.retry.FailureClass;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Moves one item's bytes to its target, resumably: the transfer URI is persisted as soon as it
 * exists and the acknowledged offset after every chunk, so a killed process resumes from the last
 * byte the server confirmed (asking the server, never assuming). Each retry of the one {@link
 * RetryPolicy} starts by asking the server where it stands.
 */
final class TransferTask {
  private final Database db;
  private final Target target;
  private final RetryPolicy retry;
  private final int chunkBytes;
  private final RunListener listener;

  TransferTask(
      Database db, Target target, RetryPolicy retry, int chunkBytes, RunListener listener) {
    this.db = db;
    this.target = target;
    this.retry = retry;
    this.chunkBytes = chunkBytes;
    this.listener = listener;
  }

  /**
   * Transfers {@code item} until the server holds every byte.
   *
   * @param buffer a reusable buffer of at least the chunk size
   * @return the completed state (Drive file id or Photos upload token as receipt)
   * @throws TargetException classified; {@link TargetException#attempts()} says how many attempts
   *     were made
   */
  TransferState.Complete run(UploadItem item, byte[] buffer)
      throws TargetException, InterruptedException {
    Path path = Path.of(item.sourcePath());
    String[] uri = {item.sessionUri().orElse(null)};
    return retry.run(
        attempt -> {
          checkUnchanged(item, path);
          TransferState state;
          if (uri[0] == null) {
            uri[0] = begin(item);
            state = new TransferState.Active(0);
          } else {
            state = target.query(uri[0], item.size());
            if (state instanceof TransferState.Expired) {
              uri[0] = begin(item);
              state = new TransferState.Active(0);
            } else if (state instanceof TransferState.Active active) {
              long offset = active.acknowledgedOffset();
              db.useTransaction(tx -> tx.items().acknowledge(item.id(), offset));
            }
          }
          return sendAll(item, path, uri[0], state, buffer);
        },
        (failedAttempt, delay, failure) ->
            listener.retrying(item.sourcePath(), failure.getMessage(), delay.toMillis()));
  }

  private String begin(UploadItem item) throws TargetException, InterruptedException {
    String uri =
        target.begin(
            new TransferRequest(
                item.container(),
                item.remoteName(),
                item.mimeType(),
                item.size(),
                item.sha256(),
                item.mtimeMs()));
    db.useTransaction(tx -> tx.items().startTransfer(item.id(), uri));
    return uri;
  }

  private TransferState.Complete sendAll(
      UploadItem item, Path path, String uri, TransferState state, byte[] buffer)
      throws TargetException, InterruptedException {
    long size = item.size();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      while (state instanceof TransferState.Active active) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("transfer stopped");
        }
        long offset = active.acknowledgedOffset();
        if (offset > size) {
          throw new TargetException(
              FailureClass.PERMANENT, "server holds more bytes than the file has: " + offset);
        }
        int length = (int) Math.min(chunkBytes, size - offset);
        readAt(channel, buffer, offset, length, item);
        state = target.send(uri, offset, buffer, length, size);
        if (state instanceof TransferState.Active next) {
          long acked = next.acknowledgedOffset();
          if (acked > offset) {
            listener.sent(acked - offset);
          }
          db.useTransaction(tx -> tx.items().acknowledge(item.id(), acked));
        } else if (state instanceof TransferState.Complete) {
          listener.sent(size - offset);
        } else {
          throw new TargetException(
              FailureClass.TRANSIENT, "upload session expired during the transfer; restarting");
        }
      }
      return (TransferState.Complete) state;
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /** A local file that vanished or cannot be read: this item cannot succeed now. */
  private static TargetException unreadable(Path path, IOException e) {
    return e instanceof NoSuchFileException
        ? new TargetException(
            FailureClass.PERMANENT, "file disappeared before it was uploaded: " + path)
        : new TargetException(
            FailureClass.PERMANENT,
            0,
            "cannot read " + path + ": " + e.getMessage(),
            Optional.empty(),
            e);
  }

  private static void readAt(
      FileChannel channel, byte[] buffer, long offset, int length, UploadItem item)
      throws IOException, TargetException {
    ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
    long position = offset;
    while (target.hasRemaining()) {
      int n = channel.read(target, position);
      if (n < 0) {
        throw new FileChangedException(item.sourcePath());
      }
      position += n;
    }
  }

  /** Fails if the file's size or mtime differ from what was hashed. */
  private static void checkUnchanged(UploadItem item, Path path) throws TargetException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.size() != item.size()
          || attributes.lastModifiedTime().toMillis() != item.mtimeMs()) {
        throw new FileChangedException(item.sourcePath());
      }
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /** The local file changed since it was hashed: its transfer must start over. */
  static final class FileChangedException extends TargetException {
    private static final long serialVersionUID = 1L;

    FileChangedException(String path) {
      super(
          FailureClass.PERMANENT, "file changed while being uploaded; it will be re-read: " + path);
    }
  }
}
