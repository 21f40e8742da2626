package app.wauploader.core.upload;

import app.wauploader.core.hash.Sha256;
import app.wauploader.core.retry.FailureClass;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.LedgerChunk;
import app.wauploader.db.UploadItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves one item's bytes to its target, resumably. The transfer URI is written as soon as it
 * exists; the acknowledged offset and the chunk ledger (offset, length, SHA-256 of each
 * acknowledged chunk) at least every {@code progressBytes} or {@code progressInterval}, and at the
 * end. A resumed transfer first asks the server where it stands (never assumes), then checks the
 * ledger's chunks against the local file: a file that no longer holds the bytes already sent starts
 * a new transfer. Each retry of the one {@link RetryPolicy} starts by asking the server.
 */
final class TransferTask {
  private final Database db;
  private final Target target;
  private final UploadOptions options;
  private final RunListener listener;
  private final RetryPolicy retry;
  private final RetryPolicy.RetryListener retries;
  private final java.util.function.BooleanSupplier stopping;

  /**
   * @param retry the run's retry policy
   * @param retries told of each retry (the run slows down on rate limits)
   * @param stopping true once the run stops: no more retries
   */
  TransferTask(
      Database db,
      Target target,
      UploadOptions options,
      RetryPolicy retry,
      RunListener listener,
      RetryPolicy.RetryListener retries,
      java.util.function.BooleanSupplier stopping) {
    this.retry = retry;
    this.stopping = stopping;
    this.db = db;
    this.target = target;
    this.options = options;
    this.listener = listener;
    this.retries = retries;
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
    Path path = Paths.get(item.sourcePath());
    Progress progress = new Progress(item, item.sessionUri().orElse(null));
    return retry.run(
        attempt -> {
          db.useTransaction(tx -> tx.items().countAttempt(item.id()));
          checkUnchanged(item, path);
          TransferState state;
          if (progress.uri == null) {
            state = begin(item, progress);
          } else {
            state = target.query(progress.uri, item.size());
            if (state instanceof TransferState.Expired) {
              // The session is gone; its last chunk may have landed before the process died
              // (sessions live about a week): ask for the content before sending it again.
              Optional<String> existing = target.findExisting(item.sha256());
              if (existing.isPresent()) {
                return new TransferState.Complete(existing.get(), Optional.empty());
              }
              state = begin(item, progress);
            } else if (state instanceof TransferState.Active active
                && !ledgerMatches(item, path, active.acknowledgedOffset())) {
              throw new FileChangedException(item.sourcePath());
            } else if (state instanceof TransferState.Active active) {
              progress.resumedAt(active.acknowledgedOffset());
            }
          }
          return sendAll(item, path, progress, state, buffer);
        },
        (failedAttempt, delay, failure) -> {
          retries.retrying(failedAttempt, delay, failure);
          listener.retrying(item.sourcePath(), failure.getMessage(), delay.toMillis());
        },
        stopping);
  }

  private TransferState begin(UploadItem item, Progress progress)
      throws TargetException, InterruptedException {
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
    progress.restart(uri);
    return new TransferState.Active(0);
  }

  private TransferState.Complete sendAll(
      UploadItem item, Path path, Progress progress, TransferState state, byte[] buffer)
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
        int length = (int) Math.min(options.chunkBytes(), size - offset);
        readAt(channel, buffer, offset, length, item);
        state = target.send(progress.uri, offset, buffer, length, size);
        if (state instanceof TransferState.Active next) {
          long acked = next.acknowledgedOffset();
          if (acked > offset) {
            listener.sent(acked - offset);
            progress.acknowledged(offset, buffer, (int) Math.min(length, acked - offset));
          }
        } else if (state instanceof TransferState.Complete) {
          listener.sent(size - offset);
          progress.acknowledged(offset, buffer, length);
          progress.flush(size);
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

  /**
   * True if every ledger chunk below {@code serverOffset} still hashes the same in the local file
   * (chunks the server no longer holds are ignored).
   */
  private boolean ledgerMatches(UploadItem item, Path path, long serverOffset)
      throws TargetException, InterruptedException {
    List<LedgerChunk> ledger = db.inTransaction(tx -> tx.chunks().forItem(item.id()));
    if (ledger.isEmpty()) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      byte[] bytes = new byte[0];
      for (LedgerChunk chunk : ledger) {
        if (chunk.offset() + chunk.length() > serverOffset) {
          continue;
        }
        if (bytes.length < chunk.length()) {
          bytes = new byte[chunk.length()];
        }
        readAt(channel, bytes, chunk.offset(), chunk.length(), item);
        if (!sha256(bytes, chunk.length()).equals(chunk.sha256())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * A local file that vanished or cannot be read: this item cannot succeed now. A read cut off
   * because the run is stopping (thread interrupted) is not the file's fault: it is deferred.
   */
  private static TargetException unreadable(Path path, IOException e) throws InterruptedException {
    if (e instanceof java.nio.channels.ClosedByInterruptException
        || e instanceof java.io.InterruptedIOException
        || Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("transfer stopped while reading " + path);
    }
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
  private static void checkUnchanged(UploadItem item, Path path)
      throws TargetException, InterruptedException {
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

  private static String sha256(byte[] bytes, int length) {
    return Sha256.of(bytes, length);
  }

  /**
   * The acknowledged offset and ledger chunks not yet written, written in one transaction when
   * enough bytes or time have passed.
   */
  private final class Progress {
    private final UploadItem item;
    private String uri;
    private final List<LedgerChunk> unsaved = new ArrayList<>();
    private int nextSeq;
    private long savedOffset;
    private long savedAtNanos = System.nanoTime();

    Progress(UploadItem item, String uri) {
      this.item = item;
      this.uri = uri;
      this.savedOffset = item.ackedOffset();
    }

    void restart(String newUri) {
      uri = newUri;
      unsaved.clear();
      nextSeq = 0;
      savedOffset = 0;
    }

    /**
     * A retry or a new process continues at the server's offset: chunks not yet written that the
     * server holds are written now (the rest are dropped), then numbering continues after the
     * ledger's last chunk.
     */
    void resumedAt(long serverOffset) {
      unsaved.removeIf(c -> c.offset() + c.length() > serverOffset);
      if (!unsaved.isEmpty() || serverOffset != savedOffset) {
        flush(serverOffset);
      }
      List<LedgerChunk> ledger = db.inTransaction(tx -> tx.chunks().forItem(item.id()));
      nextSeq = ledger.isEmpty() ? 0 : ledger.get(ledger.size() - 1).seq() + 1;
    }

    void acknowledged(long offset, byte[] buffer, int length) {
      unsaved.add(new LedgerChunk(nextSeq++, offset, length, sha256(buffer, length)));
      long acked = offset + length;
      boolean enoughBytes = acked - savedOffset >= options.progressBytes();
      boolean enoughTime = System.nanoTime() - savedAtNanos >= options.progressInterval().toNanos();
      if (enoughBytes || enoughTime) {
        flush(acked);
      }
    }

    void flush(long acked) {
      List<LedgerChunk> chunks = List.copyOf(unsaved);
      db.useTransaction(
          tx -> {
            tx.chunks().record(item.id(), chunks);
            tx.items().acknowledge(item.id(), acked);
          });
      unsaved.clear();
      savedOffset = acked;
      savedAtNanos = System.nanoTime();
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
