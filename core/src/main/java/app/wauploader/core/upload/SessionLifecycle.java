package app.wauploader.core.upload;

import app.wauploader.db.ChatRow;
import app.wauploader.db.Database;
import app.wauploader.db.UploadSession;
import app.wauploader.domain.SessionStatus;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An upload session's life: started (or a paused/interrupted one reopened) and locked for this run,
 * kept alive by a heartbeat every lock-timeout/4 (≤ 30 s), ended with the status the run earned.
 * Sessions left {@code running} by a process that died are marked {@code interrupted} first.
 */
final class SessionLifecycle {
  private final Database db;
  private final UploadOptions options;
  private ScheduledExecutorService heartbeat;

  SessionLifecycle(Database db, UploadOptions options) {
    this.db = db;
    this.options = options;
  }

  /** Starts a new session over {@code sourcesJson} (a JSON array of what was listed). */
  long start(String sourcesJson) {
    markInterruptedSessions();
    long id =
        db.inTransaction(
            tx -> {
              Optional<ChatRow> chat =
                  options.chat().isPresent()
                      ? tx.chats().find(options.chat().get())
                      : Optional.empty();
              return tx.sessions().start(sourcesJson, options.chat(), chat.map(ChatRow::name));
            });
    lock(id);
    return id;
  }

  /**
   * Continues {@code session}, or the newest paused or interrupted session, or starts a new one.
   *
   * @throws UnknownSessionException if {@code session} does not exist
   * @throws SessionBusyException if {@code session} is being run by another live process
   */
  long reopen(Optional<Long> session) {
    markInterruptedSessions();
    long id =
        db.inTransaction(
            tx -> {
              Optional<UploadSession> chosen =
                  session.isPresent()
                      ? tx.sessions().find(session.get())
                      : tx.sessions().latest(50).stream()
                          .filter(
                              s ->
                                  s.status() == SessionStatus.PAUSED
                                      || s.status() == SessionStatus.INTERRUPTED)
                          .findFirst();
              if (session.isPresent() && chosen.isEmpty()) {
                throw new UnknownSessionException(session.get());
              }
              if (chosen.isEmpty()) {
                return tx.sessions().start("[]");
              }
              UploadSession s = chosen.get();
              if (s.status() == SessionStatus.RUNNING
                  && s.lockedBy().isPresent()
                  && !s.lockedBy().get().equals(options.owner().id())) {
                throw new SessionBusyException(s.id(), s.lockedBy().get());
              }
              tx.sessions().reopen(s.id(), options.owner().id());
              return s.id();
            });
    lock(id);
    return id;
  }

  private void lock(long id) {
    db.useTransaction(tx -> tx.sessions().lock(id, options.owner().id()));
    heartbeat = Executors.newSingleThreadScheduledExecutor(PendingTasks.named("heartbeat"));
    long period = Math.max(1000, Math.min(30_000, options.lockTimeout().toMillis() / 4));
    heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Ends the session: status from the run's verdict, the earliest wait recorded as its pause, every
   * lock of this run released, in one transaction.
   */
  void finish(long id, RunSummary summary) {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    SessionStatus status = status(summary.verdict());
    Optional<RunSummary.Wait> first =
        summary.waits().stream().min(Comparator.comparing(RunSummary.Wait::until));
    db.useTransaction(
        tx -> {
          if (first.isPresent()) {
            tx.sessions().pause(id, first.get().until().toEpochMilli(), first.get().message());
          }
          tx.itemLocks().releaseAll(options.owner().id());
          tx.sessions().finish(id, status);
        });
  }

  /** The session status a verdict earns: {@code completed} only when everything is in Google. */
  static SessionStatus status(Verdict verdict) {
    return switch (verdict) {
      case DONE -> SessionStatus.COMPLETED;
      case WAITING_FOR_QUOTA, WAITING_TO_RETRY, WAITING_FOR_CONDITIONS, UNREACHABLE ->
          SessionStatus.PAUSED;
      case STOPPED, DEADLINE, BUSY_ELSEWHERE -> SessionStatus.INTERRUPTED;
      case SIGN_IN_REQUIRED,
          STORAGE_FULL,
          SETUP_ERROR,
          INTERNAL_ERROR,
          SOME_FAILED,
          SOURCE_PROBLEMS ->
          SessionStatus.FAILED;
    };
  }

  /** Sessions left "running" by a process that died are marked interrupted. */
  private void markInterruptedSessions() {
    db.useTransaction(
        tx -> {
          long staleBefore = tx.nowMs() - options.lockTimeout().toMillis();
          for (UploadSession s : tx.sessions().running()) {
            boolean dead =
                s.lockedBy().isEmpty()
                    || s.lockedAt().map(at -> at.toEpochMilli() < staleBefore).orElse(true)
                    || LockOwner.parse(s.lockedBy().get())
                        .map(options.owner()::seesDead)
                        .orElse(false);
            if (dead) {
              tx.sessions().finish(s.id(), SessionStatus.INTERRUPTED);
            }
          }
        });
  }

  private void beat() {
    try {
      db.useTransaction(
          tx -> {
            tx.itemLocks().heartbeat(options.owner().id());
            tx.sessions().heartbeat(options.owner().id());
          });
    } catch (RuntimeException e) {
      // A missed heartbeat only shortens the lock's life; the next one tries again.
    }
  }
}
