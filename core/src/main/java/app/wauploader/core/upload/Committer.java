package app.wauploader.core.upload;

import app.wauploader.core.plan.Route;
import app.wauploader.core.plan.Router;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.db.ChatRow;
import app.wauploader.db.Database;
import app.wauploader.db.NewUploadItem;
import app.wauploader.db.UploadItem;
import app.wauploader.db.UploadTransfer;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns finished transfers of one target into remote items, as the target's traits say: at once, or
 * queued per container and sent in batches of at most {@link TargetTraits#maxCommitBatch()}, one
 * call at a time, each item judged by its own result. A commit is one transaction: the item is
 * {@code committed}, its content enters {@code file_hashes}, the session counts it.
 */
final class Committer {
  private final Database db;
  private final Target target;
  private final RetryPolicy retry;
  private final RetryPolicy.RetryListener onRetry;
  private final RunControl control;
  private final FailurePolicy failures;
  private final RunStatistics stats;
  private final LongSupplier sessionId;
  private final Consumer<UploadItem> resend;
  private final ChatRouting chats;
  private final boolean driveTakesAnything;
  private final Map<String, List<Pending>> byContainer = new LinkedHashMap<>();

  /** Items sent again in this run because their receipt was refused (once each). */
  private final Set<Long> resent = ConcurrentHashMap.newKeySet();

  private record Pending(UploadItem item, String receipt) {}

  /**
   * @param resend sends an item's bytes again (its receipt is no longer taken)
   */
  Committer(
      Database db,
      Target target,
      RetryPolicy retry,
      RetryPolicy.RetryListener onRetry,
      RunControl control,
      FailurePolicy failures,
      RunStatistics stats,
      LongSupplier sessionId,
      Consumer<UploadItem> resend,
      ChatRouting chats,
      boolean driveTakesAnything) {
    this.chats = chats;
    this.driveTakesAnything = driveTakesAnything;
    this.db = db;
    this.target = target;
    this.retry = retry;
    this.onRetry = onRetry;
    this.control = control;
    this.failures = failures;
    this.stats = stats;
    this.sessionId = sessionId;
    this.resend = resend;
  }

  /** Queues a finished transfer; commits at once when the target does, or the batch is full. */
  synchronized void add(UploadItem item, String receipt) {
    List<Pending> batch = byContainer.computeIfAbsent(item.container(), k -> new ArrayList<>());
    batch.add(new Pending(item, receipt));
    TargetTraits traits = target.traits();
    if (traits.commit() == TargetTraits.Commit.AT_ONCE || batch.size() >= traits.maxCommitBatch()) {
      flush(item.container());
    }
  }

  /** True if finished transfers wait to be committed. */
  synchronized boolean hasQueued() {
    return !byContainer.isEmpty();
  }

  /** Commits everything queued. */
  synchronized void flushAll() {
    for (String container : new ArrayList<>(byContainer.keySet())) {
      flush(container);
    }
  }

  /**
   * One transaction: the item is committed as {@code remoteId}, its content enters {@code
   * file_hashes}, and the session counts it (as uploaded, or as a duplicate found remotely).
   */
  void record(UploadItem item, String remoteId, boolean uploaded) {
    String where = SourceKeys.display(item.sourceKey());
    db.useTransaction(
        tx -> {
          tx.items().markCommitted(item.id(), remoteId);
          List<ChatRow> chats = tx.contentChats().chatsOf(item.sha256());
          Optional<ChatRow> chat = chats.stream().findFirst();
          tx.fileHashes()
              .record(
                  item.sha256(),
                  where,
                  Planning.entryOf(item).name(),
                  item.size(),
                  item.mimeType(),
                  item.service(),
                  remoteId,
                  chat.map(ChatRow::id),
                  Optional.of(sessionId.getAsLong()));
          // A dated copy: Google holds other bytes (and size) than the file's.
          Optional<UploadTransfer> sent =
              uploaded ? tx.transfers().find(item.id()) : Optional.empty();
          if (sent.isPresent() && !sent.get().sentSha256().equals(item.sha256())) {
            tx.fileHashes().recordSent(item.sha256(), sent.get().sentSha256());
          }
          long bytesSent = uploaded ? sent.map(UploadTransfer::sentSize).orElse(item.size()) : 0;
          // Sent into a chat's container now: filed there. A file found by its content is
          // wherever it was first stored, so ChatFiling files it.
          for (ChatRow c : uploaded ? chats : List.<ChatRow>of()) {
            if (item.container().equals(Router.chatContainer(item.service(), c.name()))) {
              tx.contentChats().placed(item.sha256(), c.id(), remoteId);
            }
          }
          tx.sessions()
              .addCounts(
                  sessionId.getAsLong(),
                  where,
                  1,
                  uploaded ? 1 : 0,
                  uploaded ? 0 : 1,
                  0,
                  bytesSent);
        });
  }

  private void flush(String container) {
    List<Pending> batch = byContainer.remove(container);
    if (batch == null || batch.isEmpty()) {
      return;
    }
    if (failures.pauseOf(target.service()).isPresent()) {
      batch.forEach(p -> failures.waitWithService(p.item()));
      return;
    }
    Optional<RunSummary.Stop> stop = control.reason();
    if (stop.isPresent()
        && stop.get().reason() != StopReason.STOPPED
        && stop.get().reason() != StopReason.DEADLINE) {
      batch.forEach(p -> failures.defer(p.item()));
      return;
    }
    // Stopped on request or at the deadline: what is uploaded is still committed (one try), so a
    // backlog worked through in short runs never lets its receipts expire.
    commit(container, batch);
  }

  /**
   * One commit call for {@code batch}. A whole call refused with a 400 not about the album (one
   * invalid upload token fails all 50, gphotos-uploader-cli #132) is split in halves and each
   * committed again, so one bad item costs one file; a lone item whose receipt is refused is sent
   * again (once).
   */
  private void commit(String container, List<Pending> batch) {
    Map<Long, Optional<String>> descriptions = new HashMap<>();
    if (chats.knowsChats()) {
      db.read(
          tx -> {
            for (Pending p : batch) {
              descriptions.put(p.item().id(), chats.describe(tx, p.item().sha256()));
            }
            return null;
          });
    }
    List<CommitRequest> requests = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      requests.add(
          new CommitRequest(
              p.item().id(),
              p.receipt(),
              container,
              p.item().remoteName(),
              p.item().sha256(),
              descriptions.getOrDefault(p.item().id(), Optional.empty())));
    }
    List<CommitResult> results;
    try {
      results = retry.run(attempt -> target.commit(requests), onRetry, control::isStopping);
    } catch (TargetException e) {
      boolean itemsAtFault =
          e.httpStatus() == 400
              && (e.reason() == FailureReason.RECEIPT_EXPIRED
                  || e.reason() == FailureReason.REJECTED);
      if (itemsAtFault && batch.size() > 1 && !control.isStopping()) {
        int half = batch.size() / 2;
        commit(container, new ArrayList<>(batch.subList(0, half)));
        commit(container, new ArrayList<>(batch.subList(half, batch.size())));
      } else if (itemsAtFault && batch.size() == 1) {
        judge(
            batch.get(0).item(),
            e.reason() == FailureReason.RECEIPT_EXPIRED
                ? CommitResult.resend(batch.get(0).item().id(), e)
                : CommitResult.failure(batch.get(0).item().id(), e));
      } else {
        batch.forEach(p -> failures.fail(p.item(), e));
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      batch.forEach(p -> failures.defer(p.item()));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      judge(batch.get(i).item(), results.get(i));
    }
  }

  /** Re-plans a Photos item as a Drive upload: its chat's or media folder's Drive folder. */
  private UploadItem toDrive(UploadItem item) {
    return db.inTransaction(
        tx -> {
          Optional<ChatRow> chat = tx.contentChats().chatsOf(item.sha256()).stream().findFirst();
          Route route = new Router().driveRoute(Planning.entryOf(item), chat.map(ChatRow::name));
          tx.items()
              .replan(
                  item.id(),
                  new NewUploadItem(
                      item.sessionId().orElse(sessionId.getAsLong()),
                      item.sourceKey(),
                      item.sha256(),
                      item.size(),
                      item.mtimeMs(),
                      item.mimeType(),
                      route.service(),
                      route.container(),
                      route.remoteName(),
                      ItemState.PENDING));
          return tx.items().find(item.id()).orElseThrow();
        });
  }

  private void judge(UploadItem item, CommitResult result) {
    String where = SourceKeys.display(item.sourceKey());
    if (result.remoteId().isPresent()) {
      record(item, result.remoteId().get(), true);
      stats.finished(where, Outcome.UPLOADED);
      return;
    }
    TargetException failure = result.failure().orElseThrow();
    if (result.unsupported() && driveTakesAnything) {
      failures.record(
          where,
          FailureReason.REJECTED,
          failure.getMessage() + " (sending it to Google Drive instead)",
          0);
      resend.accept(toDrive(item));
      return;
    }
    if (result.resend() && resent.add(item.id())) {
      // The receipt (Photos upload token) is no longer taken: send the bytes again, once.
      failures.record(
          where,
          FailureReason.RECEIPT_EXPIRED,
          failure.getMessage() + " (sending the file again)",
          0);
      resend.accept(item);
      return;
    }
    // Retryable: the bytes are uploaded and the receipt still good, a later run only commits.
    failures.fail(item, failure);
  }
}
