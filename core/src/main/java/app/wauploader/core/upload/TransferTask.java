package app.wauploader.core.upload;

import app.wauploader.core.hash.Sha256;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaStat;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferSession;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.LedgerChunk;
import app.wauploader.db.UploadItem;
import app.wauploader.db.UploadTransfer;
import app.wauploader.domain.FailureReason;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Moves one item's bytes to its target, resumably. The transfer URI is written as soon as it
 * exists; the acknowledged offset and the chunk ledger (offset, length, SHA-256 of each
 * acknowledged chunk) at least every {@code progressBytes} or {@code progressInterval}, and at the
 * end. A resumed transfer first asks the server where it stands (never assumes), then checks the
 * ledger's chunks against the file: a file that no longer holds the bytes already sent starts a new
 * transfer. Each retry of the one {@link RetryPolicy} starts by asking the server; a retry of a
 * one-request upload first looks for the content (the last try may be done with its answer lost).
 *
 * <p>Every byte the server holds is also hashed in order (the bytes below a resume point are read
 * again from the file), so the SHA-256 of what was actually sent is known at the end: a file that
 * changed while it was sent is caught even where the service reports no checksum (Photos).
 *
 * <p>What is sent is decided when the transfer begins ({@link SentBytes}): the file's own bytes, or
 * for Photos a copy with the capture date written in; that choice, its size and hash, and the
 * session's chunk granularity are recorded with the URI, so a resumed transfer sends the same bytes
 * in chunks the server accepts.
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
   * @param expectedSha256 what they must hash to: the planned content's SHA-256, or the dated
   *     copy's as recorded when the transfer began; anything else means the file changed meanwhile
   */
  record Result(
      TransferState.Complete complete, Optional<String> sentSha256, String expectedSha256) {
    /** Nothing was sent: the content was found stored already. */
    static Result found(String remoteId, UploadItem item) {
      return new Result(
          new TransferState.Complete(remoteId, Optional.empty()), Optional.empty(), item.sha256());
    }
  }

  /**
   * Transfers {@code item} until the server holds every byte.
   *
   * @param buffer a reusable buffer of at least the chunk size
   * @throws TargetException classified; {@link TargetException#attempts()} says how many attempts
   *     were made; {@link FileChangedException} when the file no longer has the planned content
   * @throws InterruptedException when the run stops during the transfer
   */
  Result run(UploadItem item, byte[] buffer) throws TargetException, InterruptedException {
    TransferProgress progress =
        new TransferProgress(db, options, item, item.sessionUri().orElse(null));
    SentBytes bytes = new SentBytes(db, options.restoreDates());
    return retry.run(
        attempt -> {
          db.useTransaction(tx -> tx.items().countAttempt(item.id()));
          checkUnchanged(item);
          try (MediaContent file = media.open(item.sourceKey())) {
            if (progress.uri() == null && fitsOneRequest(item)) {
              Optional<String> found =
                  attempt > 1 && target.traits().findsByContent()
                      ? target.findExisting(item.sha256())
                      : Optional.empty();
              return found.isPresent()
                  ? Result.found(found.get(), item)
                  : sendWhole(item, file, buffer, bytes);
            }
            MessageDigest sent = Sha256.newDigest();
            SentBytes.Plan plan;
            int granularity;
            TransferState state;
            if (progress.uri() == null) {
              plan = bytes.fresh(item, file, buffer);
              granularity = begin(item, progress, plan);
              state = new TransferState.Active(0);
            } else {
              Optional<UploadTransfer> recorded = db.read(tx -> tx.transfers().find(item.id()));
              plan = bytes.resumed(item, file, recorded);
              granularity =
                  recorded
                      .map(UploadTransfer::chunkGranularity)
                      .orElse(target.traits().chunkGranularity());
              state = target.query(progress.uri(), plan.size());
              if (state instanceof TransferState.Expired) {
                // The session is gone; its last chunk may have landed before the process died
                // (sessions live about a week): ask for the content before sending it again.
                Optional<String> existing =
                    target.traits().findsByContent()
                        ? target.findExisting(item.sha256())
                        : Optional.empty();
                if (existing.isPresent()) {
                  return Result.found(existing.get(), item);
                }
                plan = bytes.fresh(item, file, buffer);
                granularity = begin(item, progress, plan);
                state = new TransferState.Active(0);
              } else if (state instanceof TransferState.Active active) {
                if (!prefixMatches(item, plan, active.acknowledgedOffset(), sent)) {
                  throw new FileChangedException(item);
                }
                progress.resumedAt(active.acknowledgedOffset());
              } else if (!prefixMatches(item, plan, plan.size(), sent)) {
                // Complete already: the bytes below the end were sent by an earlier attempt.
                throw new FileChangedException(item);
              }
            }
            return sendAll(item, plan, progress, state, chunkLength(granularity), buffer, sent);
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

  /**
   * The chunk size of a transfer whose server wants multiples of {@code granularity}: the
   * configured chunk size rounded down to a multiple of it, at least one granule.
   */
  private int chunkLength(int granularity) {
    int chunk = options.chunkBytes();
    return chunk % granularity == 0
        ? chunk
        : Math.max(granularity, chunk / granularity * granularity);
  }

  /** A file that fits one chunk goes in one request where the target can (see TargetTraits). */
  private boolean fitsOneRequest(UploadItem item) {
    return target.traits().sendsWholeFiles() && item.size() <= options.chunkBytes();
  }

  private Result sendWhole(UploadItem item, MediaContent file, byte[] buffer, SentBytes bytes)
      throws TargetException, InterruptedException, IOException {
    int length = (int) item.size();
    readAt(file, buffer, 0, length, item);
    if (!Sha256.of(buffer, length).equals(item.sha256())) {
      throw new FileChangedException(item); // never send a date into bytes that are not the plan
    }
    SentBytes.Whole send = bytes.whole(item, buffer, length);
    TransferState.Complete done =
        target.sendWhole(request(item, send.length(), send.date()), send.bytes(), send.length());
    listener.sent(send.length());
    if (send.copied()) {
      // What Google holds differs from the file: kept for file_hashes.sent_sha256 at the commit.
      db.useTransaction(
          tx -> tx.transfers().record(item.id(), send.record(target.traits().chunkGranularity())));
    }
    return new Result(done, Optional.of(send.sha256()), send.sha256());
  }

  private static TransferRequest request(
      UploadItem item, long size, Optional<app.wauploader.core.dates.CaptureDate> date) {
    return new TransferRequest(
        item.container(),
        item.remoteName(),
        item.mimeType(),
        size,
        item.sha256(),
        item.mtimeMs(),
        date.map(app.wauploader.core.dates.CaptureDate::when));
  }

  /** Opens a transfer sending {@code plan}; records it with its URI; returns its granularity. */
  private int begin(UploadItem item, TransferProgress progress, SentBytes.Plan plan)
      throws TargetException, InterruptedException {
    TransferSession session = target.begin(request(item, plan.size(), plan.date()));
    db.useTransaction(
        tx -> {
          tx.items().startTransfer(item.id(), session.uri());
          tx.transfers().record(item.id(), plan.record(session.chunkGranularity()));
        });
    progress.restart(session.uri());
    return session.chunkGranularity();
  }

  private Result sendAll(
      UploadItem item,
      SentBytes.Plan plan,
      TransferProgress progress,
      TransferState state,
      int chunkLength,
      byte[] reusable,
      MessageDigest sent)
      throws TargetException, InterruptedException, IOException {
    long size = plan.size();
    byte[] buffer = reusable.length >= chunkLength ? reusable : new byte[chunkLength];
    while (state instanceof TransferState.Active active) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("transfer stopped");
      }
      long offset = active.acknowledgedOffset();
      if (offset > size) {
        throw new TargetException(
            FailureReason.SERVER, "server holds more bytes than the file has: " + offset);
      }
      int length = (int) Math.min(chunkLength, size - offset);
      readAt(plan.content(), buffer, offset, length, item);
      try {
        state = target.send(progress.uri(), offset, buffer, length, size);
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
    return new Result(
        (TransferState.Complete) state, Optional.of(Sha256.hex(sent.digest())), plan.sha256());
  }

  /**
   * Reads bytes {@code [0, serverOffset)} of what is sent into {@code sent} and checks every ledger
   * chunk among them against the hash recorded when it was acknowledged.
   *
   * @return false if a ledger chunk no longer matches (the file changed behind an unchanged size
   *     and mtime)
   */
  private boolean prefixMatches(
      UploadItem item, SentBytes.Plan plan, long serverOffset, MessageDigest sent)
      throws TargetException, IOException {
    MediaContent content = plan.content();
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
      int n;
      try {
        n = content.read(offset + done, buffer, done, length - done);
      } catch (java.io.EOFException e) {
        throw new FileChangedException(item); // a dated copy's file got shorter
      }
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
