package app.wauploader.core.upload;

import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The transfer stage: at most as many transfers at once as the {@link AdaptiveLimit} allows;
 * content the target already holds (found by its SHA-256, where the target can) is recorded without
 * sending a byte; otherwise a {@link TransferTask} moves the bytes, the SHA-256 of what was sent is
 * checked against the planned one (and against the service's own checksum, where it reports one),
 * and the receipt goes to the target's {@link Committer}.
 */
final class Transfers {
  private final Database db;
  private final Map<Service, Target> targets;
  private final Map<Service, Committer> committers;
  private final MediaSource media;
  private final UploadOptions options;
  private final RetryPolicy retry;
  private final RunControl control;
  private final FailurePolicy failures;
  private final RunStatistics stats;
  private final AdaptiveLimit limit;
  private final BiConsumer<UploadItem, TargetException> changed;
  private final ThreadLocal<byte[]> buffers;

  /** Per service: whether this database had stored content there when the run began. */
  private final Map<Service, Boolean> storedBefore = new java.util.EnumMap<>(Service.class);

  /**
   * @param changed called when the file changed under its transfer (it is hashed again)
   */
  Transfers(
      Database db,
      Map<Service, Target> targets,
      Map<Service, Committer> committers,
      MediaSource media,
      UploadOptions options,
      RetryPolicy retry,
      RunControl control,
      FailurePolicy failures,
      RunStatistics stats,
      AdaptiveLimit limit,
      BiConsumer<UploadItem, TargetException> changed) {
    this.db = db;
    this.targets = targets;
    this.committers = committers;
    this.media = media;
    this.options = options;
    this.retry = retry;
    this.control = control;
    this.failures = failures;
    this.stats = stats;
    this.limit = limit;
    this.changed = changed;
    this.buffers = ThreadLocal.withInitial(() -> new byte[options.chunkBytes()]);
    for (Service service : targets.keySet()) {
      storedBefore.put(service, db.read(tx -> tx.fileHashes().any(service)));
    }
  }

  /**
   * Whether the item's content may be in Google without this database knowing, so it is looked for
   * by content (Drive: one files.list by {@code appProperties}) before it is sent: the item was
   * tried before (an answer may have been lost, the process killed mid-request), or this database
   * had stored nothing in that service before this run (new, or recreated after a lost phone, on an
   * account that may hold this app's files). Otherwise everything this database sent is in {@code
   * file_hashes}, which the planner dedups on: asking Google per new file would cost a request each
   * for nothing — on a phone, a round trip of 100 ms or more per voice note.
   */
  private boolean mayBeStored(UploadItem item, Target target) {
    return target.traits().findsByContent()
        && (item.attempts() > 0 || !storedBefore.getOrDefault(item.service(), false));
  }

  /** Told of every retry: rate limits slow the whole run down. */
  void onRetry(int failedAttempt, java.time.Duration delay, TargetException failure) {
    if (failure.reason() == FailureReason.RATE_LIMITED) {
      limit.rateLimited();
    }
  }

  /** Transfers one item (on a transfer thread) and hands its receipt to the committer. */
  void transfer(UploadItem item) {
    Target target = targets.get(item.service());
    if (failures.pauseOf(item.service()).isPresent()) {
      failures.waitWithService(item);
      return;
    }
    if (target == null || control.isStopping()) {
      failures.defer(item);
      return;
    }
    try {
      limit.acquire();
    } catch (InterruptedException e) {
      failures.defer(item);
      return;
    }
    try {
      if (item.sessionUri().isEmpty() && mayBeStored(item, target)) {
        Optional<String> existing =
            retry.run(a -> target.findExisting(item.sha256()), this::onRetry, control::isStopping);
        if (existing.isPresent()) {
          // Stored by this app before the local database was lost or restored.
          committers.get(item.service()).record(item, existing.get(), false);
          stats.finished(SourceKeys.display(item.sourceKey()), Outcome.DUPLICATE);
          return;
        }
      }
      TransferTask.Result result =
          new TransferTask(
                  db, target, media, options, retry, stats, this::onRetry, control::isStopping)
              .run(item, buffers.get());
      TransferState.Complete complete = result.complete();
      Optional<String> sent = result.sentSha256();
      Optional<String> remote = complete.remoteSha256();
      if (sent.isPresent() && remote.isPresent() && !remote.get().equalsIgnoreCase(sent.get())) {
        target.discard(complete.receipt());
        throw new TargetException(
            FailureReason.CHECKSUM_MISMATCH,
            "checksum mismatch after upload: Google has "
                + remote.get()
                + ", the bytes sent hash to "
                + sent.get());
      }
      if (sent.isPresent() && !sent.get().equals(result.expectedSha256())) {
        // The file changed while it was sent (Photos cannot tell us): never commit those bytes.
        target.discard(complete.receipt());
        throw new TransferTask.FileChangedException(item);
      }
      limit.succeeded();
      if (target.traits().receiptNeedsCommit()) {
        db.useTransaction(
            tx -> tx.items().markUploaded(item.id(), Optional.of(complete.receipt())));
      }
      committers.get(item.service()).add(item, complete.receipt());
    } catch (TransferTask.FileChangedException e) {
      db.useTransaction(
          tx -> {
            tx.items().resetTransfer(item.id());
            tx.scanCache().forget(item.sourceKey());
          });
      changed.accept(item, e);
    } catch (TargetException e) {
      failures.fail(item, e);
    } catch (InterruptedException e) {
      failures.defer(item);
    } finally {
      limit.release();
    }
  }

  /** Starts an item's transfer over (its receipt expired or was refused) and sends it again. */
  UploadItem resetForResend(UploadItem item) {
    db.useTransaction(tx -> tx.items().resetTransfer(item.id()));
    return db.inTransaction(tx -> tx.items().find(item.id())).orElseThrow();
  }
}
