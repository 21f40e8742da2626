package app.wauploader.core.upload;

import app.wauploader.core.hash.ContentHasher;
import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.plan.Route;
import app.wauploader.core.plan.Router;
import app.wauploader.core.retry.FailureClass;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.scan.MediaFile;
import app.wauploader.core.scan.MediaScanner;
import app.wauploader.core.scan.ScanProblem;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.ScanEntry;
import app.wauploader.db.UploadItem;
import app.wauploader.db.UploadSession;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import app.wauploader.domain.SessionStatus;
import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One backup run — the main job — as a stream: scan → fingerprint (scan cache or read) → plan and
 * dedup (one transaction per file) → resumable transfer (up to {@code transfers} in parallel, fewer
 * while rate-limited) → commit (Drive: at once; Photos: batchCreate per album, ≤ 50, serially).
 * Uploading starts while the scan is still going. {@link #resume} feeds the open items of earlier
 * sessions instead of a scan.
 *
 * <p>The database is the truth: every state change is its own transaction, so a killed run loses at
 * most the chunk in flight and the next run resumes. Every item worked on is locked for this run
 * ({@code locked_by}, with a heartbeat), so a second process on the same database never sends the
 * same file. Failures are classified once: retryable ones go through the one {@link RetryPolicy}
 * and, when they outlast it, wait as {@code retrying}; a used-up daily quota pauses that service
 * until the reset (the other keeps going); a fatal one stops the run.
 */
public final class BackupRun {
  private static final int MAX_FILES_IN_FLIGHT = 256;

  private final Database db;
  private final Map<Service, Target> targets;
  private final UploadOptions options;
  private final RunListener listener;
  private final ContentHasher hasher = new ContentHasher();
  private final Router router = new Router();
  private final Planner planner;
  private final AdaptiveLimit transferLimit;

  private final Map<Outcome, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong bytesPlanned = new AtomicLong();
  private final AtomicInteger scanProblems = new AtomicInteger();
  private final Map<String, RunSummary.Pause> paused = new ConcurrentHashMap<>();

  /** Paths hashed again in this run after they changed under a transfer (once each). */
  private final Set<String> rehashed = ConcurrentHashMap.newKeySet();

  /** Items sent again in this run because their receipt was refused (once each). */
  private final Set<Long> resent = ConcurrentHashMap.newKeySet();

  private final Set<String> dryRunClaimed = ConcurrentHashMap.newKeySet();
  private final PendingTasks pending = new PendingTasks();
  private final Map<Service, Committer> committers = new EnumMap<>(Service.class);
  private final ThreadLocal<byte[]> buffers;
  private volatile RunSummary.Fatal fatal;

  /** Counted down when the run stops (fatal): cuts retry back-off waits short. */
  private final java.util.concurrent.CountDownLatch stopped =
      new java.util.concurrent.CountDownLatch(1);

  private final RetryPolicy retry;
  private final java.util.concurrent.atomic.AtomicBoolean sessionFinished =
      new java.util.concurrent.atomic.AtomicBoolean();
  private ExecutorService hashPool;
  private ExecutorService transferPool;
  private volatile long sessionId;

  /**
   * @param targets one target per service the run may send to
   */
  public BackupRun(
      Database db, Map<Service, Target> targets, UploadOptions options, RunListener listener) {
    this.db = db;
    this.targets = Map.copyOf(targets);
    this.options = options;
    this.listener = new CountingListener(listener);
    this.planner = new Planner(options.owner(), options.lockTimeout().toMillis());
    this.transferLimit = new AdaptiveLimit(options.transfers());
    this.buffers = ThreadLocal.withInitial(() -> new byte[options.chunkBytes()]);
    this.retry =
        options.retry().withSleeper(d -> stopped.await(d.toMillis(), TimeUnit.MILLISECONDS));
    for (Map.Entry<Service, Target> e : targets.entrySet()) {
      committers.put(e.getKey(), new Committer(e.getValue()));
    }
  }

  /**
   * Backs up everything under {@code roots}: new files are uploaded, open transfers of files met on
   * the way resumed.
   *
   * @throws NoSuchFileException if a root is missing or not a directory (nothing is started then)
   * @throws InterruptedException if interrupted; work done so far is kept
   */
  public RunSummary run(List<Path> roots) throws IOException, InterruptedException {
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new NoSuchFileException(
            root.toString(), null, "source folder not found or not a folder");
      }
    }
    List<Path> distinct = distinctRoots(roots);
    JsonArray array = new JsonArray();
    distinct.forEach(r -> array.add(r.toString()));
    return execute(
        () -> db.inTransaction(tx -> tx.sessions().start(array.toString())),
        () -> {
          MediaScanner scanner = new MediaScanner(options.scan());
          AtomicInteger found = new AtomicInteger();
          Semaphore inFlight = new Semaphore(MAX_FILES_IN_FLIGHT);
          Set<Path> seen = ConcurrentHashMap.newKeySet();
          for (Path root : distinct) {
            scanner.scan(
                root,
                file -> {
                  if (fatal != null || !seen.add(file.path())) {
                    return;
                  }
                  found.incrementAndGet();
                  listener.found(file);
                  inFlight.acquireUninterruptibly();
                  submit(
                      hashPool,
                      () -> {
                        try {
                          handle(file);
                        } finally {
                          inFlight.release();
                        }
                      });
                },
                this::scanProblem);
          }
          if (!options.dryRun()) {
            db.useTransaction(tx -> tx.sessions().setTotalFiles(sessionId, found.get()));
          }
        });
  }

  /**
   * The roots, absolute and normalised, without repeats and without roots inside another root (each
   * file must be met once per run).
   */
  static List<Path> distinctRoots(List<Path> roots) {
    List<Path> normalised = new ArrayList<>();
    for (Path root : roots) {
      Path n = root.toAbsolutePath().normalize();
      if (!normalised.contains(n)) {
        normalised.add(n);
      }
    }
    List<Path> result = new ArrayList<>();
    for (Path candidate : normalised) {
      boolean inside = false;
      for (Path other : normalised) {
        if (!other.equals(candidate) && candidate.startsWith(other)) {
          inside = true;
        }
      }
      if (!inside) {
        result.add(candidate);
      }
    }
    return result;
  }

  /**
   * Continues open work without scanning: the items of {@code session} (or of every session) that
   * are pending, half-sent, uploaded but uncommitted, or waiting and due, at most {@code limit} of
   * them (≤ 0: all). The session continues as the same row when given; otherwise the newest paused
   * or interrupted session is continued, or a new one is started.
   *
   * @throws IllegalArgumentException if {@code session} does not exist
   * @throws IllegalStateException if {@code session} is being run by another live process
   */
  public RunSummary resume(Optional<Long> session, int limit)
      throws IOException, InterruptedException {
    return execute(
        () -> reopen(session),
        () -> {
          List<UploadItem> due =
              db.inTransaction(
                  tx -> tx.items().due(session, tx.nowMs(), options.dryRun() ? 0 : limit));
          int taken = 0;
          for (UploadItem item : due) {
            if (fatal != null || (limit > 0 && taken >= limit)) {
              break;
            }
            taken++;
            listener.found(
                new MediaFile(
                    Paths.get(item.sourcePath()), item.container(), item.size(), item.mtimeMs()));
            if (options.dryRun()) {
              listener.planned(null, item.size() - item.ackedOffset());
              bytesPlanned.addAndGet(item.size() - item.ackedOffset());
              finished(item.sourcePath(), Outcome.DEFERRED);
              continue;
            }
            dispatch(
                db.inTransaction(tx -> planner.resume(tx, sessionId, item)),
                item.sourcePath(),
                null);
          }
          if (!options.dryRun()) {
            int total = taken;
            db.useTransaction(tx -> tx.sessions().setTotalFiles(sessionId, total));
          }
        });
  }

  private long reopen(Optional<Long> session) {
    return db.inTransaction(
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
            throw new IllegalArgumentException("no upload session " + session.get());
          }
          if (chosen.isEmpty()) {
            return tx.sessions().start("[]");
          }
          UploadSession s = chosen.get();
          if (s.status() == SessionStatus.RUNNING
              && s.lockedBy().isPresent()
              && !s.lockedBy().get().equals(options.owner().id())) {
            throw new IllegalStateException(
                "session "
                    + s.id()
                    + " is being run by another wa-uploader process ("
                    + s.lockedBy().get()
                    + ")");
          }
          tx.sessions().reopen(s.id(), options.owner().id());
          return s.id();
        });
  }

  /** What starts the session (returns its id). */
  @FunctionalInterface
  private interface SessionStart {
    long start();
  }

  /** What feeds work into the pools. */
  @FunctionalInterface
  private interface Feeder {
    void feed() throws IOException, InterruptedException;
  }

  private RunSummary execute(SessionStart start, Feeder feeder)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    ScheduledExecutorService heartbeat = null;
    if (!options.dryRun()) {
      markInterruptedSessions();
      sessionId = start.start();
      db.useTransaction(tx -> tx.sessions().lock(sessionId, options.owner().id()));
      heartbeat = Executors.newSingleThreadScheduledExecutor(named("heartbeat"));
      long period = Math.max(1000, Math.min(30_000, options.lockTimeout().toMillis() / 4));
      heartbeat.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }
    hashPool = Executors.newFixedThreadPool(options.hashThreads(), named("hash"));
    transferPool = Executors.newFixedThreadPool(options.transfers(), named("transfer"));
    boolean interrupted = false;
    try {
      feeder.feed();
      // Committing may send a file again (refused upload token), which commits later: repeat
      // until nothing is in flight and nothing waits to be committed.
      do {
        pending.awaitNone();
        for (Committer committer : committers.values()) {
          committer.flushAll();
        }
      } while (!pending.isIdle() || committers.values().stream().anyMatch(Committer::hasQueued));
    } catch (InterruptedException | IOException | RuntimeException e) {
      interrupted = true;
      throw e;
    } finally {
      hashPool.shutdownNow();
      transferPool.shutdownNow();
      hashPool.awaitTermination(30, TimeUnit.SECONDS);
      transferPool.awaitTermination(30, TimeUnit.SECONDS);
      if (heartbeat != null) {
        heartbeat.shutdownNow();
      }
      if (!options.dryRun()) {
        finishSession(interrupted);
      }
    }
    Map<Outcome, Integer> result = new EnumMap<>(Outcome.class);
    counts.forEach((k, v) -> result.put(k, v.get()));
    return new RunSummary(
        options.dryRun() ? Optional.empty() : Optional.of(sessionId),
        result,
        bytesSent.get(),
        bytesPlanned.get(),
        new LinkedHashMap<>(paused),
        Optional.ofNullable(fatal),
        scanProblems.get(),
        transferLimit.lowest(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * For a process that is shutting down (Ctrl-C, SIGTERM) while the run goes on: stops new work and
   * retry waits, and in one transaction marks the session {@code interrupted} and releases every
   * lock this run holds, so the next run (or another process) continues at once. Safe to call from
   * a shutdown hook at any time.
   *
   * @return true if the session was still open and is now marked interrupted
   */
  public boolean abandon() {
    if (options.dryRun() || sessionId == 0) {
      return false;
    }
    stopped.countDown();
    return finishSession(true);
  }

  /** Ends the session once (a later call, e.g. after {@link #abandon}, does nothing). */
  private boolean finishSession(boolean interrupted) {
    if (!sessionFinished.compareAndSet(false, true)) {
      return false;
    }
    SessionStatus status =
        interrupted
            ? SessionStatus.INTERRUPTED
            : fatal != null
                ? SessionStatus.FAILED
                : !paused.isEmpty() ? SessionStatus.PAUSED : SessionStatus.COMPLETED;
    db.useTransaction(
        tx -> {
          for (RunSummary.Pause pause : paused.values()) {
            tx.sessions().pause(sessionId, pause.until().toEpochMilli(), pause.message());
          }
          tx.items().releaseAll(options.owner().id());
          tx.sessions().finish(sessionId, status);
        });
    return true;
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

  private void heartbeat() {
    try {
      db.useTransaction(
          tx -> {
            tx.items().heartbeat(options.owner().id());
            tx.sessions().heartbeat(options.owner().id());
          });
    } catch (RuntimeException e) {
      // A missed heartbeat only shortens the lock's life; the next one tries again.
    }
  }

  private void submit(ExecutorService pool, Runnable task) {
    pending.add();
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              stop(new RunSummary.Fatal("internal error: " + e, false));
            } finally {
              pending.done();
            }
          });
    } catch (RuntimeException rejected) {
      pending.done();
    }
  }

  private void scanProblem(ScanProblem problem) {
    scanProblems.incrementAndGet();
    listener.problem(problem);
    if (!options.dryRun()) {
      db.useTransaction(
          tx ->
              tx.errors()
                  .record(sessionId, problem.path().toString(), "unreadable", problem.reason(), 0));
    }
  }

  /** Fingerprints and plans one file, then hands it to a transfer or a committer. */
  private void handle(MediaFile file) {
    String path = file.path().toString();
    if (fatal != null) {
      finished(path, Outcome.DEFERRED);
      return;
    }
    Optional<ScanEntry> cached =
        db.inTransaction(tx -> tx.scanCache().find(path, file.size(), file.mtimeMs()));
    Fingerprint fingerprint;
    try {
      fingerprint =
          cached.isPresent()
              ? new Fingerprint(cached.get().sha256(), cached.get().mimeType(), true)
              : hasher.fingerprint(file.path());
    } catch (IOException e) {
      recordUnreadable(path, e);
      return;
    }
    Route route = router.route(file, fingerprint.mimeType());
    if (options.dryRun()) {
      planDry(file, fingerprint);
      return;
    }
    Fingerprint fp = fingerprint;
    Planner.Decision decision =
        db.inTransaction(
            tx -> {
              if (!fp.fromCache()) {
                tx.scanCache()
                    .putAll(
                        List.of(
                            new ScanEntry(
                                path, file.size(), file.mtimeMs(), fp.sha256(), fp.mimeType())));
              }
              return planner.plan(tx, sessionId, file, fp, route);
            });
    dispatch(decision, path, file);
  }

  /** Acts on a decision about the file at {@code path} ({@code file} may be null on resume). */
  private void dispatch(Planner.Decision decision, String path, MediaFile file) {
    if (decision instanceof Planner.Done done) {
      finished(path, done.outcome());
    } else if (decision instanceof Planner.Transfer transfer) {
      UploadItem item = transfer.item();
      listener.planned(file, item.size() - item.ackedOffset());
      bytesPlanned.addAndGet(item.size());
      submit(transferPool, () -> transfer(item));
    } else if (decision instanceof Planner.Commit commit) {
      UploadItem item = commit.item();
      boolean expired =
          item.uploadTokenAt()
              .map(at -> at.plus(options.uploadTokenLifetime()).isBefore(db.clock().instant()))
              .orElse(true);
      if (expired || item.uploadToken().isEmpty()) {
        retransfer(item, file);
      } else {
        committers.get(item.service()).add(item, item.uploadToken().get());
      }
    }
  }

  /** Starts an item's transfer over (expired Photos upload token) and sends it again. */
  private void retransfer(UploadItem item, MediaFile file) {
    db.useTransaction(tx -> tx.items().resetTransfer(item.id()));
    UploadItem reset = db.inTransaction(tx -> tx.items().find(item.id())).orElseThrow();
    listener.planned(file, reset.size());
    bytesPlanned.addAndGet(reset.size());
    submit(transferPool, () -> transfer(reset));
  }

  /** Dry run: decide read-only, remembering this run's claims in memory. */
  private void planDry(MediaFile file, Fingerprint fp) {
    String path = file.path().toString();
    Outcome outcome =
        db.inTransaction(
            tx -> {
              Optional<UploadItem> existing = tx.items().findByPath(path);
              if (existing.isPresent()
                  && existing.get().sha256().equals(fp.sha256())
                  && existing.get().state() == ItemState.COMMITTED) {
                return Outcome.UNCHANGED;
              }
              if (file.size() == 0) {
                return Outcome.SKIPPED;
              }
              Optional<UploadItem> live = tx.items().findLiveBySha256(fp.sha256());
              boolean owned =
                  tx.fileHashes().find(fp.sha256()).isPresent()
                      || (live.isPresent() && !live.get().sourcePath().equals(path));
              return owned || !dryRunClaimed.add(fp.sha256()) ? Outcome.DUPLICATE : null;
            });
    if (outcome == null) {
      listener.planned(file, file.size());
      bytesPlanned.addAndGet(file.size());
      outcome = Outcome.DEFERRED;
    }
    finished(path, outcome);
  }

  private void transfer(UploadItem item) {
    Target target = targets.get(item.service());
    if (paused.containsKey(item.service().id())) {
      pauseWithService(item);
      return;
    }
    if (target == null || fatal != null || stopped.getCount() == 0) {
      defer(item);
      return;
    }
    try {
      transferLimit.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      defer(item);
      return;
    }
    try {
      if (item.sessionUri().isEmpty()) {
        Optional<String> existing =
            retry.run(a -> target.findExisting(item.sha256()), this::onRetry, this::stopping);
        if (existing.isPresent()) {
          adopt(item, existing.get());
          return;
        }
      }
      TransferState.Complete complete =
          new TransferTask(db, target, options, retry, listener, this::onRetry, this::stopping)
              .run(item, buffers.get());
      if (complete.remoteSha256().isPresent()
          && !complete.remoteSha256().get().equalsIgnoreCase(item.sha256())) {
        target.discard(complete.receipt());
        throw new TargetException(
            FailureClass.PERMANENT,
            "checksum mismatch after upload: Google has "
                + complete.remoteSha256().get()
                + ", the file has "
                + item.sha256());
      }
      transferLimit.succeeded();
      if (item.service() == Service.PHOTOS) {
        db.useTransaction(
            tx -> tx.items().markUploaded(item.id(), Optional.of(complete.receipt())));
      }
      committers.get(item.service()).add(item, complete.receipt());
    } catch (TransferTask.FileChangedException changed) {
      db.useTransaction(
          tx -> {
            tx.items().resetTransfer(item.id());
            tx.scanCache().forget(item.sourcePath());
          });
      rehashAfterChange(item, changed);
    } catch (TargetException e) {
      fail(item, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      defer(item);
    } finally {
      transferLimit.release();
    }
  }

  private void onRetry(int failedAttempt, Duration delay, TargetException failure) {
    if (failure.failureClass() == FailureClass.RATE_LIMITED) {
      transferLimit.rateLimited();
    }
  }

  /**
   * The service already holds this content (uploaded by this app before the local database was lost
   * or restored): record it as done without sending a byte.
   */
  private void adopt(UploadItem item, String remoteId) {
    recordCommitted(item, remoteId, false);
    finished(item.sourcePath(), Outcome.DUPLICATE);
  }

  /**
   * One transaction: the item is committed as {@code remoteId}, its content enters {@code
   * file_hashes}, and the session counts it (as uploaded, or as a duplicate found remotely).
   */
  private void recordCommitted(UploadItem item, String remoteId, boolean uploaded) {
    db.useTransaction(
        tx -> {
          tx.items().markCommitted(item.id(), remoteId);
          tx.fileHashes()
              .record(
                  item.sha256(),
                  item.sourcePath(),
                  item.size(),
                  item.service(),
                  remoteId,
                  Optional.empty(),
                  Optional.of(sessionId));
          tx.sessions()
              .addCounts(
                  sessionId, 1, uploaded ? 1 : 0, uploaded ? 0 : 1, 0, uploaded ? item.size() : 0);
        });
  }

  /** A file changed under us: hash and plan it again, once per run. */
  private void rehashAfterChange(UploadItem item, TargetException changed) {
    Path path = Paths.get(item.sourcePath());
    if (!rehashed.add(item.sourcePath())) {
      fail(item, changed);
      return;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      String folder =
          item.service() == Service.DRIVE
              ? item.container().substring(item.container().indexOf('/') + 1)
              : item.container();
      MediaFile fresh = new MediaFile(path, folder, a.size(), a.lastModifiedTime().toMillis());
      submit(hashPool, () -> handle(fresh));
    } catch (IOException e) {
      fail(item, changed);
    }
  }

  /**
   * Records a failure once, by class: quota → item and service paused until the reset; fatal → the
   * run stops; transient or rate-limited (retries used up) → item waits as retrying; permanent →
   * item failed.
   */
  private void fail(UploadItem item, TargetException e) {
    FailureClass failureClass = e.failureClass();
    String type = failureClass.name().toLowerCase(Locale.ROOT);
    int retries = e.attempts() - 1;
    switch (failureClass) {
      case QUOTA_EXHAUSTED -> {
        Instant until = QuotaReset.after(db.clock().instant());
        paused.putIfAbsent(item.service().id(), new RunSummary.Pause(until, e.getMessage()));
        db.useTransaction(
            tx -> {
              tx.errors().record(sessionId, item.sourcePath(), type, e.getMessage(), retries);
              tx.items().markPaused(item.id(), until.toEpochMilli());
            });
        finished(item.sourcePath(), Outcome.DEFERRED);
      }
      case FATAL -> {
        stop(new RunSummary.Fatal(e.getMessage(), e.httpStatus() == 401));
        db.useTransaction(
            tx -> tx.errors().record(sessionId, item.sourcePath(), type, e.getMessage(), retries));
        defer(item);
      }
      case TRANSIENT, RATE_LIMITED -> {
        long next = db.clock().instant().plus(options.retryLater()).toEpochMilli();
        db.useTransaction(
            tx -> {
              tx.errors()
                  .record(
                      sessionId,
                      item.sourcePath(),
                      type,
                      e.getMessage() + " (gave up for this run; tried again by a later run)",
                      retries);
              tx.items().markRetrying(item.id(), next);
            });
        finished(item.sourcePath(), Outcome.DEFERRED);
      }
      case PERMANENT -> {
        db.useTransaction(
            tx -> {
              tx.errors().record(sessionId, item.sourcePath(), type, e.getMessage(), retries);
              tx.items().markFailed(item.id());
              tx.sessions().addCounts(sessionId, 1, 0, 0, 1, 0);
            });
        finished(item.sourcePath(), Outcome.FAILED);
      }
      default -> throw new IllegalStateException("unclassified failure " + failureClass);
    }
  }

  /**
   * Its service is paused for the daily quota: the item waits until the reset too, so later runs
   * spend no request on it before then.
   */
  private void pauseWithService(UploadItem item) {
    Instant until = paused.get(item.service().id()).until();
    db.useTransaction(tx -> tx.items().markPaused(item.id(), until.toEpochMilli()));
    finished(item.sourcePath(), Outcome.DEFERRED);
  }

  /** True once the run stops (fatal failure or process shutdown): no new attempts. */
  private boolean stopping() {
    return fatal != null || stopped.getCount() == 0;
  }

  /** Stops the run: the first fatal failure wins; waits for retries end at once. */
  private synchronized void stop(RunSummary.Fatal reason) {
    if (fatal == null) {
      fatal = reason;
    }
    stopped.countDown();
  }

  /** Leaves an item for a later run, releasing its lock. */
  private void defer(UploadItem item) {
    db.useTransaction(tx -> tx.items().release(item.id(), options.owner().id()));
    finished(item.sourcePath(), Outcome.DEFERRED);
  }

  private void recordUnreadable(String path, IOException e) {
    String reason =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e instanceof NoSuchFileException ? "file disappeared" : e.toString();
    if (!options.dryRun()) {
      db.useTransaction(
          tx -> {
            tx.errors().record(sessionId, path, "unreadable", "cannot read file: " + reason, 0);
            tx.sessions().addCounts(sessionId, 1, 0, 0, 1, 0);
          });
    }
    finished(path, Outcome.FAILED);
  }

  private void finished(String path, Outcome outcome) {
    counts.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    listener.finished(path, outcome);
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "wa-" + prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Commits finished transfers per service: per container, in batches, one call at a time. */
  private final class Committer {
    private final Target target;
    private final Map<String, List<Pending>> byContainer = new LinkedHashMap<>();

    private record Pending(UploadItem item, String receipt) {}

    Committer(Target target) {
      this.target = target;
    }

    /** Queues a finished transfer; Drive items (already created remotely) commit at once. */
    synchronized void add(UploadItem item, String receipt) {
      List<Pending> batch = byContainer.computeIfAbsent(item.container(), k -> new ArrayList<>());
      batch.add(new Pending(item, receipt));
      if (target.service() == Service.DRIVE || batch.size() >= target.maxCommitBatch()) {
        flush(item.container());
      }
    }

    /** True if finished transfers wait to be committed. */
    synchronized boolean hasQueued() {
      return !byContainer.isEmpty();
    }

    synchronized void flushAll() {
      for (String container : new ArrayList<>(byContainer.keySet())) {
        flush(container);
      }
    }

    private void flush(String container) {
      List<Pending> batch = byContainer.remove(container);
      if (batch == null || batch.isEmpty()) {
        return;
      }
      if (paused.containsKey(target.service().id())) {
        batch.forEach(p -> pauseWithService(p.item()));
        return;
      }
      if (fatal != null) {
        batch.forEach(p -> defer(p.item()));
        return;
      }
      List<CommitRequest> requests = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        requests.add(
            new CommitRequest(
                p.item().id(), p.receipt(), container, p.item().remoteName(), p.item().sha256()));
      }
      List<CommitResult> results;
      try {
        results =
            retry.run(
                attempt -> target.commit(requests),
                (failed, delay, failure) -> {
                  onRetry(failed, delay, failure);
                  listener.retrying(container, failure.getMessage(), delay.toMillis());
                });
      } catch (TargetException e) {
        batch.forEach(p -> fail(p.item(), e));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        batch.forEach(p -> defer(p.item()));
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        judge(batch.get(i).item(), results.get(i));
      }
    }

    private void judge(UploadItem item, CommitResult result) {
      if (result.remoteId().isPresent()) {
        recordCommitted(item, result.remoteId().get(), true);
        finished(item.sourcePath(), Outcome.UPLOADED);
        return;
      }
      TargetException failure = result.failure().orElseThrow();
      if (result.resend() && resent.add(item.id())) {
        // The receipt (Photos upload token) is no longer taken: send the bytes again, once.
        db.useTransaction(
            tx ->
                tx.errors()
                    .record(
                        sessionId,
                        item.sourcePath(),
                        "expired_token",
                        failure.getMessage() + " (sending the file again)",
                        0));
        retransfer(item, null);
        return;
      }
      if (failure.failureClass().isRetryable()) {
        // The bytes are uploaded and the token still good: a later run only commits.
        db.useTransaction(
            tx -> {
              tx.errors()
                  .record(
                      sessionId,
                      item.sourcePath(),
                      failure.failureClass().name().toLowerCase(Locale.ROOT),
                      failure.getMessage() + " (committed by a later run)",
                      0);
              tx.items().markRetrying(item.id(), db.clock().instant().toEpochMilli());
            });
        finished(item.sourcePath(), Outcome.DEFERRED);
        return;
      }
      fail(item, failure);
    }
  }

  /** Counts bytes on the way to the caller's listener. */
  private final class CountingListener implements RunListener {
    private final RunListener delegate;

    CountingListener(RunListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void found(MediaFile file) {
      delegate.found(file);
    }

    @Override
    public void planned(MediaFile file, long bytes) {
      delegate.planned(file, bytes);
    }

    @Override
    public void sent(long bytes) {
      bytesSent.addAndGet(bytes);
      delegate.sent(bytes);
    }

    @Override
    public void finished(String path, Outcome outcome) {
      delegate.finished(path, outcome);
    }

    @Override
    public void retrying(String path, String message, long delayMs) {
      delegate.retrying(path, message, delayMs);
    }

    @Override
    public void problem(ScanProblem problem) {
      delegate.problem(problem);
    }
  }
}
