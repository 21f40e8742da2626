package app.wauploader.core.upload;

import app.wauploader.core.hash.ContentHasher;
import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.plan.Route;
import app.wauploader.core.plan.Router;
import app.wauploader.core.retry.FailureClass;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.scan.MediaFile;
import app.wauploader.core.scan.MediaScanner;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferState;
import app.wauploader.db.Database;
import app.wauploader.db.ScanEntry;
import app.wauploader.db.Service;
import app.wauploader.db.SessionStatus;
import app.wauploader.db.UploadItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One backup run — the main job — as a stream: scan → fingerprint (scan cache or read) → plan and
 * dedup (one transaction per file) → resumable transfer ({@code transfers} in parallel) → commit
 * (Drive: at once; Photos: batchCreate per album, ≤ 50, serially). Uploading starts while the scan
 * is still going.
 *
 * <p>The database is the truth: every state change is its own transaction, so a killed run loses at
 * most the chunk in flight and the next run resumes. Failures are classified once: retryable ones
 * go through the one {@code RetryPolicy}; a used-up daily quota pauses that service for the rest of
 * the run (the other keeps going); a fatal one stops the run.
 */
public final class BackupRun {
  private static final int MAX_FILES_IN_FLIGHT = 256;

  private final Database db;
  private final Map<Service, Target> targets;
  private final UploadOptions options;
  private final RunListener listener;
  private final ContentHasher hasher = new ContentHasher();
  private final Router router = new Router();
  private final Planner planner = new Planner();

  private final Map<Outcome, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong bytesPlanned = new AtomicLong();
  private final AtomicInteger scanProblems = new AtomicInteger();
  private final Map<String, String> paused = new ConcurrentHashMap<>();
  private final Set<String> rehashed = ConcurrentHashMap.newKeySet();
  private final Set<String> dryRunClaimed = ConcurrentHashMap.newKeySet();
  private volatile RunSummary.Fatal fatal;
  private final PendingTasks pending = new PendingTasks();
  private final Map<Service, Committer> committers = new EnumMap<>(Service.class);
  private ExecutorService hashPool;
  private ExecutorService transferPool;
  private long sessionId;
  private final ThreadLocal<byte[]> buffers;

  /**
   * @param targets one target per service the run may send to
   */
  public BackupRun(
      Database db, Map<Service, Target> targets, UploadOptions options, RunListener listener) {
    this.db = db;
    this.targets = Map.copyOf(targets);
    this.options = options;
    this.listener = new CountingListener(listener);
    this.buffers = ThreadLocal.withInitial(() -> new byte[options.chunkBytes()]);
    for (Map.Entry<Service, Target> e : targets.entrySet()) {
      committers.put(e.getKey(), new Committer(e.getValue()));
    }
  }

  /**
   * Runs over {@code roots}.
   *
   * @throws IOException if a root is missing or not a directory (nothing is started then)
   * @throws InterruptedException if interrupted; work done so far is kept
   */
  public RunSummary run(List<Path> roots) throws IOException, InterruptedException {
    long started = System.nanoTime();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new java.nio.file.NoSuchFileException(
            root.toString(), null, "source folder not found or not a folder");
      }
    }
    if (!options.dryRun()) {
      com.google.gson.JsonArray array = new com.google.gson.JsonArray();
      roots.forEach(r -> array.add(r.toAbsolutePath().normalize().toString()));
      String json = array.toString();
      sessionId = db.inTransaction(tx -> tx.sessions().start(json));
    }
    hashPool = Executors.newFixedThreadPool(options.hashThreads(), named("hash"));
    transferPool = Executors.newFixedThreadPool(options.transfers(), named("transfer"));
    Semaphore inFlight = new Semaphore(MAX_FILES_IN_FLIGHT);
    AtomicInteger found = new AtomicInteger();
    boolean interrupted = false;
    try {
      MediaScanner scanner = new MediaScanner(options.scan());
      for (Path root : roots) {
        scanner.scan(
            root,
            file -> {
              if (fatal != null) {
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
            problem -> {
              scanProblems.incrementAndGet();
              listener.problem(problem);
              if (!options.dryRun()) {
                db.useTransaction(
                    tx ->
                        tx.errors()
                            .record(
                                sessionId,
                                problem.path().toString(),
                                "unreadable",
                                problem.reason(),
                                0));
              }
            });
      }
      if (!options.dryRun()) {
        db.useTransaction(tx -> tx.sessions().setTotalFiles(sessionId, found.get()));
      }
      pending.awaitNone();
      for (Committer committer : committers.values()) {
        committer.flushAll();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      throw e;
    } finally {
      hashPool.shutdownNow();
      transferPool.shutdownNow();
      hashPool.awaitTermination(30, TimeUnit.SECONDS);
      transferPool.awaitTermination(30, TimeUnit.SECONDS);
      if (!options.dryRun()) {
        SessionStatus status =
            interrupted
                ? SessionStatus.INTERRUPTED
                : fatal != null
                    ? SessionStatus.FAILED
                    : !paused.isEmpty() ? SessionStatus.PAUSED : SessionStatus.COMPLETED;
        db.useTransaction(tx -> tx.sessions().finish(sessionId, status));
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
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void submit(ExecutorService pool, Runnable task) {
    pending.add();
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              fatal = new RunSummary.Fatal("internal error: " + e, false);
            } finally {
              pending.done();
            }
          });
    } catch (RuntimeException rejected) {
      pending.done();
    }
  }

  /** Fingerprints and plans one file, then hands it to a transfer or a committer. */
  private void handle(MediaFile file) {
    if (fatal != null) {
      finished(file.path().toString(), Outcome.DEFERRED);
      return;
    }
    String path = file.path().toString();
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
              .map(at -> at.plus(options.uploadTokenLifetime()).isBefore(Instant.now()))
              .orElse(true);
      if (expired || item.uploadToken().isEmpty()) {
        db.useTransaction(tx -> tx.items().resetTransfer(item.id()));
        UploadItem reset = db.inTransaction(tx -> tx.items().find(item.id())).orElseThrow();
        listener.planned(file, reset.size());
        bytesPlanned.addAndGet(reset.size());
        submit(transferPool, () -> transfer(reset));
      } else {
        committers.get(item.service()).add(item, item.uploadToken().get());
      }
    }
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
                  && existing.get().state() == app.wauploader.db.ItemState.COMMITTED) {
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
    if (target == null || fatal != null || paused.containsKey(item.service().id())) {
      finished(item.sourcePath(), Outcome.DEFERRED);
      return;
    }
    try {
      TransferState.Complete complete =
          new TransferTask(db, target, options.retry(), options.chunkBytes(), listener)
              .run(item, buffers.get());
      if (complete.remoteSha256().isPresent()
          && !complete.remoteSha256().get().equalsIgnoreCase(item.sha256())) {
        throw new TargetException(
            FailureClass.PERMANENT,
            "checksum mismatch after upload: Google has "
                + complete.remoteSha256().get()
                + ", the file has "
                + item.sha256());
      }
      if (item.service() == Service.PHOTOS) {
        db.useTransaction(
            tx -> tx.items().markUploaded(item.id(), Optional.of(complete.receipt())));
      }
      committers.get(item.service()).add(item, complete.receipt());
    } catch (TransferTask.FileChangedException changed) {
      db.useTransaction(tx -> tx.items().resetTransfer(item.id()));
      rehashAfterChange(item, changed);
    } catch (TargetException e) {
      fail(item, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished(item.sourcePath(), Outcome.DEFERRED);
    }
  }

  /** A file changed under us: hash and plan it again, once per run. */
  private void rehashAfterChange(UploadItem item, TargetException changed) {
    Path path = Path.of(item.sourcePath());
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

  private void fail(UploadItem item, TargetException e) {
    FailureClass failureClass = e.failureClass();
    String type = failureClass.name().toLowerCase(Locale.ROOT);
    int retries = e.attempts() - 1;
    switch (failureClass) {
      case QUOTA_EXHAUSTED -> {
        paused.putIfAbsent(item.service().id(), e.getMessage());
        db.useTransaction(
            tx -> tx.errors().record(sessionId, item.sourcePath(), type, e.getMessage(), retries));
        finished(item.sourcePath(), Outcome.DEFERRED);
      }
      case FATAL -> {
        if (fatal == null) {
          fatal = new RunSummary.Fatal(e.getMessage(), e.httpStatus() == 401);
        }
        db.useTransaction(
            tx -> tx.errors().record(sessionId, item.sourcePath(), type, e.getMessage(), retries));
        finished(item.sourcePath(), Outcome.DEFERRED);
      }
      default -> {
        db.useTransaction(
            tx -> {
              tx.errors().record(sessionId, item.sourcePath(), type, e.getMessage(), retries);
              tx.items().markFailed(item.id());
              tx.sessions().addCounts(sessionId, 1, 0, 0, 1, 0);
            });
        finished(item.sourcePath(), Outcome.FAILED);
      }
    }
  }

  private void recordUnreadable(String path, IOException e) {
    String reason =
        e instanceof java.nio.file.AccessDeniedException
            ? "permission denied"
            : e instanceof java.nio.file.NoSuchFileException ? "file disappeared" : e.toString();
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

  private static java.util.concurrent.ThreadFactory named(String prefix) {
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
      if (fatal != null || paused.containsKey(target.service().id())) {
        batch.forEach(p -> finished(p.item().sourcePath(), Outcome.DEFERRED));
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
            options
                .retry()
                .run(
                    attempt -> target.commit(requests),
                    (failed, delay, failure) ->
                        listener.retrying(container, failure.getMessage(), delay.toMillis()));
      } catch (TargetException e) {
        batch.forEach(p -> fail(p.item(), e));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        batch.forEach(p -> finished(p.item().sourcePath(), Outcome.DEFERRED));
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        UploadItem item = batch.get(i).item();
        CommitResult result = results.get(i);
        if (result.remoteId().isPresent()) {
          String remoteId = result.remoteId().get();
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
                tx.sessions().addCounts(sessionId, 1, 1, 0, 0, item.size());
              });
          finished(item.sourcePath(), Outcome.UPLOADED);
        } else {
          TargetException failure = result.failure().orElseThrow();
          if (failure.failureClass().isRetryable()) {
            db.useTransaction(
                tx ->
                    tx.errors()
                        .record(
                            sessionId,
                            item.sourcePath(),
                            failure.failureClass().name().toLowerCase(Locale.ROOT),
                            failure.getMessage() + " (will be committed by the next run)",
                            0));
            finished(item.sourcePath(), Outcome.DEFERRED);
          } else {
            fail(item, failure);
          }
        }
      }
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
    public void problem(app.wauploader.core.scan.ScanProblem problem) {
      delegate.problem(problem);
    }
  }
}
