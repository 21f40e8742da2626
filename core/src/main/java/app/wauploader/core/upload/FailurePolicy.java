package app.wauploader.core.upload;

import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a failure does, decided once by its reason's {@link FailureReason#handling() handling}:
 *
 * <ul>
 *   <li>pause the service (daily quota, or a {@code Retry-After} longer than the run can wait): its
 *       items wait as {@code paused}/{@code retrying} until then, the other service goes on;
 *   <li>stop the run (sign-in, storage full, internal): the item is left as it is for a later run;
 *   <li>retry later (retries outlasted): the item waits as {@code retrying} until now + the
 *       retry-later delay (or the server's {@code Retry-After}, if longer);
 *   <li>skip the item: {@code failed}, tried again by the next run.
 * </ul>
 *
 * Every failure of an item writes one {@code upload_errors} row with its reason and retry count.
 */
final class FailurePolicy {
  private final Database db;
  private final UploadOptions options;
  private final RunStatistics stats;
  private final RunControl control;
  private final LongSupplier sessionId;
  private final Map<Service, RunSummary.Wait> paused = new ConcurrentHashMap<>();

  FailurePolicy(
      Database db,
      UploadOptions options,
      RunStatistics stats,
      RunControl control,
      LongSupplier sessionId) {
    this.db = db;
    this.options = options;
    this.stats = stats;
    this.control = control;
    this.sessionId = sessionId;
  }

  /** Records {@code e} for {@code item} and moves the item on, by the failure's handling. */
  void fail(UploadItem item, TargetException e) {
    FailureReason reason = e.reason();
    int retries = e.attempts() - 1;
    String where = SourceKeys.display(item.sourceKey());
    switch (reason.handling()) {
      case PAUSE_SERVICE -> pauseService(item, reason, QuotaReset.after(now()), e, retries);
      case STOP_RUN -> {
        control.stop(new RunSummary.Stop(stopReason(reason), e.getMessage()));
        record(where, reason, e.getMessage(), retries);
        defer(item);
      }
      case RETRY, RETRY_SLOWER -> {
        Optional<RunSummary.Stop> stop = control.reason();
        if (stop.isPresent() && stop.get().reason() != StopReason.UNREACHABLE) {
          defer(item); // cut short by the stop, not a failure of this file
          return;
        }
        Duration serverWait = e.retryAfter().orElse(Duration.ZERO);
        if (serverWait.compareTo(options.retry().maxRetryAfter()) > 0) {
          pauseService(item, reason, now().plus(serverWait), e, retries);
          return;
        }
        Instant next = now().plus(max(options.retryLater(), serverWait));
        db.useTransaction(
            tx -> {
              tx.errors().record(sessionId.getAsLong(), where, reason, e.getMessage(), retries);
              tx.items().markRetrying(item.id(), next.toEpochMilli(), reason);
            });
        stats.waiting(new RunSummary.Wait(item.service(), reason, next, 1, e.getMessage()));
        stats.finished(where, Outcome.WAITING);
      }
      case SKIP_ITEM -> {
        db.useTransaction(
            tx -> {
              tx.errors().record(sessionId.getAsLong(), where, reason, e.getMessage(), retries);
              tx.items().markFailed(item.id());
              tx.sessions().addCounts(sessionId.getAsLong(), where, 1, 0, 0, 1, 0);
            });
        stats.finished(where, Outcome.FAILED);
      }
      default -> throw new IllegalStateException("unhandled failure " + reason);
    }
  }

  /**
   * A failure to file {@code files} contents in a chat's album or folder (no item moves: the
   * contents are in Google, the filing waits in {@code content_chats}), by the same handling: the
   * run stops, the service pauses (the filing waits with it), the filing waits to be retried, or
   * only these contents failed.
   *
   * @return true if filing may go on with the service's other contents
   */
  boolean filingFailed(Service service, String where, TargetException e, int files) {
    FailureReason reason = e.reason();
    String message = "cannot file it in its chat: " + e.getMessage();
    record(where, reason, message, Math.max(0, e.attempts() - 1));
    switch (reason.handling()) {
      case STOP_RUN -> {
        control.stop(new RunSummary.Stop(stopReason(reason), e.getMessage()));
        return false;
      }
      case PAUSE_SERVICE -> {
        RunSummary.Wait wait =
            new RunSummary.Wait(service, reason, QuotaReset.after(now()), files, message);
        paused.putIfAbsent(service, wait);
        stats.waiting(wait);
        stats.count(Outcome.WAITING, files);
        return false;
      }
      case RETRY, RETRY_SLOWER -> {
        Duration serverWait = e.retryAfter().orElse(Duration.ZERO);
        Instant next = now().plus(max(options.retryLater(), serverWait));
        stats.waiting(new RunSummary.Wait(service, reason, next, files, message));
        stats.count(Outcome.WAITING, files);
        return false;
      }
      default -> {
        stats.count(Outcome.FAILED, files - 1);
        stats.finished(where, Outcome.FAILED);
        return true;
      }
    }
  }

  /** The service is paused now (until its wait ends), if it is. */
  Optional<RunSummary.Wait> pauseOf(Service service) {
    return Optional.ofNullable(paused.get(service));
  }

  /** The item waits with its paused service, spending no request before then. */
  void waitWithService(UploadItem item) {
    RunSummary.Wait wait = paused.get(item.service());
    db.useTransaction(
        tx -> {
          if (wait.isQuota()) {
            tx.items().markPaused(item.id(), wait.until().toEpochMilli());
          } else {
            tx.items().markRetrying(item.id(), wait.until().toEpochMilli(), wait.reason());
          }
        });
    stats.waiting(
        new RunSummary.Wait(item.service(), wait.reason(), wait.until(), 1, wait.message()));
    stats.finished(SourceKeys.display(item.sourceKey()), Outcome.WAITING);
  }

  /**
   * Leaves an item for a later run, releasing its lock (the run is stopping). When it stops because
   * nothing answers, the item waits as {@code retrying} until the retry-later delay has passed, so
   * the user is told when the next attempt makes sense.
   */
  void defer(UploadItem item) {
    String where = SourceKeys.display(item.sourceKey());
    Optional<RunSummary.Stop> stop = control.reason();
    if (stop.isPresent() && stop.get().reason() == StopReason.UNREACHABLE) {
      Instant next = now().plus(options.retryLater());
      db.useTransaction(
          tx -> tx.items().markRetrying(item.id(), next.toEpochMilli(), FailureReason.NETWORK));
      stats.waiting(
          new RunSummary.Wait(
              item.service(), FailureReason.NETWORK, next, 1, stop.get().message()));
      stats.finished(where, Outcome.WAITING);
      return;
    }
    db.useTransaction(tx -> tx.itemLocks().release(item.id(), options.owner().id()));
    stats.finished(where, Outcome.DEFERRED);
  }

  /** A file that could not be read to fingerprint it: recorded as failed. */
  void unreadable(String where, IOException e) {
    FailureReason reason =
        e instanceof NoSuchFileException
            ? FailureReason.SOURCE_MISSING
            : FailureReason.SOURCE_UNREADABLE;
    String detail =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e instanceof NoSuchFileException
                ? "file disappeared"
                : String.valueOf(e.getMessage());
    if (!options.dryRun()) {
      db.useTransaction(
          tx -> {
            tx.errors()
                .record(sessionId.getAsLong(), where, reason, "cannot read file: " + detail, 0);
            tx.sessions().addCounts(sessionId.getAsLong(), where, 1, 0, 0, 1, 0);
          });
    }
    stats.finished(where, Outcome.FAILED);
  }

  /** Records a failure that moves no item (a source problem, a receipt refused once). */
  void record(String where, FailureReason reason, String message, int retries) {
    db.useTransaction(
        tx -> tx.errors().record(sessionId.getAsLong(), where, reason, message, retries));
  }

  private void pauseService(
      UploadItem item, FailureReason reason, Instant until, TargetException e, int retries) {
    paused.putIfAbsent(
        item.service(), new RunSummary.Wait(item.service(), reason, until, 0, e.getMessage()));
    record(SourceKeys.display(item.sourceKey()), reason, e.getMessage(), retries);
    waitWithService(item);
  }

  private static StopReason stopReason(FailureReason reason) {
    return switch (reason) {
      case UNAUTHORIZED -> StopReason.UNAUTHORIZED;
      case STORAGE_FULL -> StopReason.STORAGE_FULL;
      case API_DISABLED, SCOPE_MISSING -> StopReason.SETUP;
      default -> StopReason.INTERNAL;
    };
  }

  private Instant now() {
    return db.clock().instant();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
