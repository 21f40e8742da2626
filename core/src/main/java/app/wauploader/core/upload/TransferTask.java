package app.wauploader.core.upload;

import app.wauploader.core.hash.Sha256;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaStat;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.LedgerChunk;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.FailureReason;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves one item's bytes to its target, resumably. The transfer URI is written as soon as it
 * exists; the acknowledged offset and the chunk ledger (offset, length, SHA-256 of each
 * acknowledged chunk) at least every {@code progressBytes} or {@code progressInterval}, and at the
 * end. A resumed transfer first asks the server where it stands (never assumes), then checks the
 * ledger's chunks against the file: a file that no longer holds the bytes already sent starts a new
 * transfer. Each retry of the one {@link RetryPolicy} starts by asking the server.
 *
 * <p>Every byte the server holds is also hashed in order (the bytes below a resume point are read
 * again from the file), so the SHA-256 of what was actually sent is known at the end: a file that
 * changed while it was sent is caught even where the service reports no checksum (Photos).
 */
final class TransferTask {
  private final Database db;
  private final Target target;
  private final MediaSource media;
  private final UploadOptions options;
  private final RunListener listener;
  private final RetryPolicy retry;
  private final RetryPolicy.RetryListener retries;
  private final java.util.function.BooleanSupplier stopping;

  /**
   * @param media reads the item's file by its source key
   * @param retry the run's retry policy
   * @param retries told of each retry (the run slows down on rate limits)
   * @param stopping true once the run stops: no more retries
   */
  TransferTask(
      Database db,
      Target target,
      MediaSource media,
      UploadOptions options,
      RetryPolicy retry,
      RunListener listener,
      RetryPolicy.RetryListener retries,
      java.util.function.BooleanSupplier stopping) {
    this.db = db;
    this.target = target;
    this.media = media;
    this.options = options;
    this.retry = retry;
    this.listener = listener;
    this.retries = retries;
    this.stopping = stopping;
  }

  /**
   * What a finished transfer yields.
   *
   * @param sentSha256 SHA-256 of the bytes the server holds, as read from the file while sending;
   *     empty when the content was found already stored (nothing sent)
   */
  record Result(TransferState.Complete complete, Optional<String> sentSha256) {}

  /**
   * Transfers {@code item} until the server holds every byte.
   *
   * @param buffer a reusable buffer of at least the chunk size
   * @throws TargetException classified; {@link TargetException#attempts()} says how many attempts
   *     were made; {@link FileChangedException} when the file no longer has the planned content
   * @throws InterruptedException when the run stops during the transfer
   */
  Result run(UploadItem item, byte[] buffer) throws TargetException, InterruptedException {
    Progress progress = new Progress(item, item.sessionUri().orElse(null));
    return retry.run(
        attempt -> {
          db.useTransaction(tx -> tx.items().countAttempt(item.id()));
          checkUnchanged(item);
          try (MediaContent content = open(item)) {
            TransferState state;
            MessageDigest sent = Sha256.newDigest();
            if (progress.uri == null && fitsOneRequest(item)) {
              return sendWhole(item, content, buffer);
            }
            if (progress.uri == null) {
              state = begin(item, progress);
            } else {
              state = target.query(progress.uri, item.size());
              if (state instanceof TransferState.Expired) {
                // The session is gone; its last chunk may have landed before the process died
                // (sessions live about a week): ask for the content before sending it again.
                Optional<String> existing =
                    target.traits().findsByContent()
                        ? target.findExisting(item.sha256())
                        : Optional.empty();
                if (existing.isPresent()) {
                  return new Result(
                      new TransferState.Complete(existing.get(), Optional.empty()),
                      Optional.empty());
                }
                state = begin(item, progress);
              } else if (state instanceof TransferState.Active active) {
                if (!prefixMatches(item, content, active.acknowledgedOffset(), sent)) {
                  throw new FileChangedException(item);
                }
                progress.resumedAt(active.acknowledgedOffset());
              } else {
                // Complete already: the bytes below the end were sent by an earlier attempt.
                if (!prefixMatches(item, content, item.size(), sent)) {
                  throw new FileChangedException(item);
                }
              }
            }
            return sendAll(item, content, progress, state, buffer, sent);
          } catch (IOException e) {
            throw unreadable(item, e);
          }
        },
        (failedAttempt, delay, failure) -> {
          retries.retrying(failedAttempt, delay, failure);
          listener.retrying(display(item), failure.getMessage(), delay.toMillis());
        },
        stopping);
  }

  /** A file that fits one chunk goes in one request where the target can (see TargetTraits). */
  private boolean fitsOneRequest(UploadItem item) {
    return target.traits().sendsWholeFiles() && item.size() <= options.chunkBytes();
  }

  private Result sendWhole(UploadItem item, MediaContent content, byte[] buffer)
      throws TargetException, InterruptedException, IOException {
    int length = (int) item.size();
    readAt(content, buffer, 0, length, item);
    String read = Sha256.of(buffer, length);
    if (!read.equals(item.sha256())) {
      throw new FileChangedException(item); // never send a date into bytes that are not the plan
    }
    DatedCopy.Bytes send = new DatedCopy(db, options.restoreDates()).of(item, buffer, length);
    TransferRequest request = request(item, send.length());
    TransferState.Complete done = target.sendWhole(request, send.bytes(), send.length());
    listener.sent(send.length());
    return new Result(done, Optional.of(read));
  }

  private static TransferRequest request(UploadItem item, long size) {
    return new TransferRequest(
        item.container(), item.remoteName(), item.mimeType(), size, item.sha256(), item.mtimeMs());
  }

  private MediaContent open(UploadItem item) throws IOException {
    return media.open(item.sourceKey());
  }

  private TransferState begin(UploadItem item, Progress progress)
      throws TargetException, InterruptedException {
    String uri = target.begin(request(item, item.size()));
    db.useTransaction(tx -> tx.items().startTransfer(item.id(), uri));
    progress.restart(uri);
    return new TransferState.Active(0);
  }

  private Result sendAll(
      UploadItem item,
      MediaContent content,
      Progress progress,
      TransferState state,
      byte[] buffer,
      MessageDigest sent)
      throws TargetException, InterruptedException, IOException {
    long size = item.size();
    while (state instanceof TransferState.Active active) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("transfer stopped");
      }
      long offset = active.acknowledgedOffset();
      if (offset > size) {
        throw new TargetException(
            FailureReason.SERVER, "server holds more bytes than the file has: " + offset);
      }
      int length = (int) Math.min(options.chunkBytes(), size - offset);
      readAt(content, buffer, offset, length, item);
      try {
        state = target.send(progress.uri, offset, buffer, length, size);
      } catch (TargetException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("transfer stopped");
        }
        throw e;
      }
      if (state instanceof TransferState.Active next) {
        long acked = next.acknowledgedOffset();
        if (acked > offset) {
          int kept = (int) Math.min(length, acked - offset);
          sent.update(buffer, 0, kept);
          listener.sent(acked - offset);
          progress.acknowledged(offset, buffer, kept);
        }
      } else if (state instanceof TransferState.Complete) {
        sent.update(buffer, 0, length);
        listener.sent(size - offset);
        progress.acknowledged(offset, buffer, length);
        progress.flush(size);
      } else {
        throw new TargetException(
            FailureReason.SERVER, "upload session expired during the transfer; restarting");
      }
    }
    return new Result((TransferState.Complete) state, Optional.of(Sha256.hex(sent.digest())));
  }

  /**
   * Reads bytes {@code [0, serverOffset)} of the file into {@code sent} and checks every ledger
   * chunk among them against the hash recorded when it was acknowledged.
   *
   * @return false if a ledger chunk no longer matches (the file changed behind an unchanged size
   *     and mtime)
   */
  private boolean prefixMatches(
      UploadItem item, MediaContent content, long serverOffset, MessageDigest sent)
      throws TargetException, IOException {
    List<LedgerChunk> ledger = db.inTransaction(tx -> tx.chunks().forItem(item.id()));
    byte[] bytes = new byte[256 * 1024];
    long position = 0;
    for (LedgerChunk chunk : ledger) {
      if (chunk.offset() + chunk.length() > serverOffset || chunk.offset() < position) {
        continue;
      }
      position = digestRange(content, item, position, chunk.offset(), sent, bytes);
      if (bytes.length < chunk.length()) {
        bytes = new byte[chunk.length()];
      }
      readAt(content, bytes, chunk.offset(), chunk.length(), item);
      sent.update(bytes, 0, chunk.length());
      if (!Sha256.of(bytes, chunk.length()).equals(chunk.sha256())) {
        return false;
      }
      position = chunk.offset() + chunk.length();
    }
    digestRange(content, item, position, serverOffset, sent, bytes);
    return true;
  }

  private static long digestRange(
      MediaContent content, UploadItem item, long from, long to, MessageDigest sent, byte[] bytes)
      throws TargetException, IOException {
    long position = from;
    while (position < to) {
      int length = (int) Math.min(bytes.length, to - position);
      readAt(content, bytes, position, length, item);
      sent.update(bytes, 0, length);
      position += length;
    }
    return position;
  }

  /**
   * A file that vanished or cannot be read: this item cannot succeed now. A read cut off because
   * the run is stopping (thread interrupted) is not the file's fault: it is deferred.
   */
  private static TargetException unreadable(UploadItem item, IOException e)
      throws InterruptedException {
    if (e instanceof java.nio.channels.ClosedByInterruptException
        || (e instanceof java.io.InterruptedIOException
            && !(e instanceof java.net.SocketTimeoutException))
        || Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("transfer stopped while reading " + display(item));
    }
    return e instanceof NoSuchFileException
        ? new TargetException(
            FailureReason.SOURCE_MISSING,
            "file disappeared before it was uploaded: " + display(item))
        : new TargetException(
            FailureReason.SOURCE_UNREADABLE,
            0,
            "cannot read " + display(item) + ": " + e.getMessage(),
            Optional.empty(),
            e);
  }

  private static void readAt(
      MediaContent content, byte[] buffer, long offset, int length, UploadItem item)
      throws IOException, TargetException {
    int done = 0;
    while (done < length) {
      int n = content.read(offset + done, buffer, done, length - done);
      if (n < 0) {
        throw new FileChangedException(item);
      }
      done += n;
    }
  }

  /** Fails if the file's size or mtime differ from what was hashed. */
  private void checkUnchanged(UploadItem item) throws TargetException, InterruptedException {
    Optional<MediaStat> stat;
    try {
      stat = media.stat(item.sourceKey());
    } catch (IOException e) {
      throw unreadable(item, e);
    }
    if (stat.isEmpty()) {
      throw unreadable(item, new NoSuchFileException(display(item)));
    }
    if (stat.get().size() != item.size() || stat.get().mtimeMs() != item.mtimeMs()) {
      throw new FileChangedException(item);
    }
  }

  static String display(UploadItem item) {
    return app.wauploader.core.source.SourceKeys.display(item.sourceKey());
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
      unsaved.add(new LedgerChunk(nextSeq++, offset, length, Sha256.of(buffer, length)));
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

  /** The file changed since it was hashed: its transfer must start over. */
  static final class FileChangedException extends TargetException {
    private static final long serialVersionUID = 1L;

    FileChangedException(UploadItem item) {
      super(
          FailureReason.SOURCE_CHANGED,
          "file changed while being uploaded; it will be read again: " + display(item));
    }
  }
}
