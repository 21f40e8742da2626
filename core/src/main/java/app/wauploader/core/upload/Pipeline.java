package app.wauploader.core.upload;

import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaStat;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.source.SourceProblem;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One backup run — the main job — as a stream of stages: list a {@link MediaSource} → plan in
 * batches ({@link PlanBatches}: the scan cache's files in one transaction, the others read for
 * SHA-256 + MIME) and dedup ({@link Planner}) → transfer ({@link Transfers}, resumable, at most
 * {@link Places} planned ahead) → commit ({@link Committer}) → file in chats ({@link ChatFiling}).
 * {@link #resume} feeds earlier sessions' open items instead; sessions are {@link
 * SessionLifecycle}'s, failures {@link FailurePolicy}'s, counts {@link RunStatistics}'. Every state
 * change is its own transaction (a killed run loses at most the chunk in flight); a dry run is this
 * pipeline over a snapshot, stopping after the plan; a {@link RunControl} ends a run early.
 */
public final class Pipeline {
  private final Database db;
  private final Map<Service, Target> targets = new EnumMap<>(Service.class);
  private final Map<Service, Committer> committers = new EnumMap<>(Service.class);
  private final MediaSource media;
  private final UploadOptions options;
  private final RunControl control;
  private final RunStatistics stats;
  private final FailurePolicy failures;
  private final SessionLifecycle lifecycle;
  private final Planner planner;
  private final Transfers transfers;
  private final AdaptiveLimit limit;
  private final Planning planning;
  private final ChatRouting chats;
  private final ChatFiling filing;
  private final PendingTasks pending;

  /** Planned transfers not yet finished: planning waits while there are as many as it plans. */
  private final Places queued = new Places(PlanBatches.IN_FLIGHT);

  /** Items handed to a transfer or commit in this run (a twin may take its item in first). */
  private final Set<Long> dispatched = ConcurrentHashMap.newKeySet();

  /** Keys hashed again in this run after they changed under a transfer (once each). */
  private final Set<String> rehashed = ConcurrentHashMap.newKeySet();

  private ExecutorService hashPool;
  private ExecutorService transferPool;
  private volatile long sessionId;

  /**
   * @param targets one target per service the run may send to
   * @param media reads any file by its source key (the listed sources and earlier runs' keys)
   */
  public Pipeline(
      Database db,
      Map<Service, Target> targets,
      MediaSource media,
      UploadOptions options,
      RunControl control,
      RunListener listener) {
    this.db = db;
    this.media = media;
    this.options = options;
    this.control = control;
    this.pending = new PendingTasks(control);
    this.stats = new RunStatistics(listener);
    this.limit = new AdaptiveLimit(options.transfers());
    this.failures = new FailurePolicy(db, options, stats, control, () -> sessionId);
    this.lifecycle = new SessionLifecycle(db, options);
    RetryPolicy retry = options.retry().withSleeper(control::await);
    Reachability reachability = new Reachability(options.unreachableAfter(), control);
    Throttle throttle = Throttle.of(options.bwlimitBytesPerSecond());
    Map<Service, TargetTraits> traits = new EnumMap<>(Service.class);
    targets.forEach((service, target) -> traits.put(service, target.traits()));
    targets.forEach((s, t) -> this.targets.put(s, new WatchedTarget(t, reachability, throttle)));
    this.planner = new Planner(options, traits);
    this.chats = ChatRouting.load(db, options.chat());
    this.planning = new Planning(db, media, planner, stats, failures, control, chats);
    this.filing = new ChatFiling(db, this.targets, retry, control, failures, stats, options.chat());
    this.transfers =
        new Transfers(
            db,
            this.targets,
            committers,
            media,
            options,
            retry,
            control,
            failures,
            stats,
            limit,
            this::rehash);
    this.targets.forEach(
        (service, target) ->
            committers.put(
                service,
                new Committer(
                    db,
                    target,
                    retry,
                    (failed, delay, failure) -> {
                      transfers.onRetry(failed, delay, failure);
                      stats.retrying(target.service().id(), failure.getMessage(), delay.toMillis());
                    },
                    control,
                    failures,
                    stats,
                    () -> sessionId,
                    this::resend,
                    chats,
                    service == Service.PHOTOS && targets.containsKey(Service.DRIVE))));
  }

  /**
   * Backs up every file {@code listing} offers: new files are uploaded, open transfers of files met
   * on the way resumed.
   *
   * @param description what was listed, as a JSON array (kept with the session)
   * @throws app.wauploader.core.source.SourceUnavailableException if the source cannot be read
   * @throws InterruptedException if this thread is interrupted; work done so far is kept
   */
  public RunSummary backup(MediaSource listing, String description)
      throws IOException, InterruptedException {
    return execute(
        () -> lifecycle.start(description),
        () -> {
          AtomicInteger found = new AtomicInteger();
          PlanBatches feed =
              new PlanBatches((batch, self) -> submit(hashPool, () -> plan(batch, self)));
          listing.list(
              options.scan(),
              file -> {
                if (control.isStopping() || !chats.selects(file)) {
                  return;
                }
                found.incrementAndGet();
                stats.found(file);
                feed.add(file);
              },
              this::problem);
          feed.flush();
          db.useTransaction(tx -> tx.sessions().setTotalFiles(sessionId, found.get()));
        });
  }

  /**
   * Continues open work without listing: the items of {@code session} (or of every session) that
   * are pending, half-sent, uploaded but uncommitted, or waiting and due (all waiting ones with
   * {@link UploadOptions#now()}), at most {@code limit} (≤ 0: all). Files still waiting are in
   * {@link RunSummary#waits()}; with nothing due, nothing is written and there is no session.
   *
   * @throws UnknownSessionException if {@code session} does not exist
   * @throws SessionBusyException if {@code session} is being run by another live process
   */
  public RunSummary resume(Optional<Long> session, int limit)
      throws IOException, InterruptedException {
    if (session.isPresent() && db.read(tx -> tx.sessions().find(session.get())).isEmpty()) {
      throw new UnknownSessionException(session.get());
    }
    long now = db.clock().millis();
    long dueBy = options.now() ? Long.MAX_VALUE : now;
    List<UploadItem> due = db.read(tx -> tx.items().due(session, dueBy, limit > 0 ? limit + 1 : 0));
    boolean left = limit > 0 && due.size() > limit;
    List<UploadItem> taken = left ? due.subList(0, limit) : due;
    // What waits and is not due is not this run's to try, but it is not in Google either.
    if (!options.now()) {
      db.read(tx -> tx.items().waiting(session, now)).forEach(stats::stillWaiting);
    }
    if (taken.isEmpty()) {
      int failed =
          db.read(tx -> tx.items().countByState()).getOrDefault(ItemState.FAILED, 0L).intValue();
      stats.count(Outcome.FAILED, failed);
      return summary(Optional.empty());
    }
    return execute(
        () -> lifecycle.reopen(session),
        () -> {
          for (UploadItem item : taken) {
            if (control.isStopping()) {
              stats.finished(SourceKeys.display(item.sourceKey()), Outcome.DEFERRED);
              continue;
            }
            MediaEntry entry = Planning.entryOf(item);
            stats.found(entry);
            Planner.Decision decision = db.inTransaction(tx -> planner.resume(tx, sessionId, item));
            planning.note(entry.where(), decision);
            dispatch(decision, entry);
          }
          if (left) {
            control.stop(
                new RunSummary.Stop(
                    StopReason.DEADLINE,
                    "this run's limit of " + limit + " files is reached; more files are due"));
          }
        });
  }

  /** What feeds work into the pools. */
  @FunctionalInterface
  private interface Feeder {
    void feed() throws IOException, InterruptedException;
  }

  private RunSummary execute(LongSupplier start, Feeder feeder)
      throws IOException, InterruptedException {
    sessionId = start.getAsLong();
    hashPool = Executors.newFixedThreadPool(options.hashThreads(), PendingTasks.named("hash"));
    transferPool =
        Executors.newFixedThreadPool(options.transfers(), PendingTasks.named("transfer"));
    ScheduledExecutorService deadline = control.armDeadline(db.clock());
    control.onStop(pending::interruptAll);
    RuntimeException failure = null;
    try {
      feeder.feed();
      // A commit may send a file again (refused receipt, or to Drive): repeat until idle.
      do {
        pending.awaitNone();
        for (Committer committer : committers.values()) {
          committer.flushAll();
        }
      } while (!pending.isIdle() || committers.values().stream().anyMatch(Committer::hasQueued));
      if (!options.dryRun()) {
        filing.fileAll(); // content of several chats: into each chat's album or folder
      }
    } catch (InterruptedException e) {
      control.stop();
      throw e;
    } catch (IOException e) {
      control.stop(new RunSummary.Stop(StopReason.INTERNAL, "a source failed: " + e.getMessage()));
      throw e;
    } catch (RuntimeException e) {
      failure = e;
      control.stop(new RunSummary.Stop(StopReason.INTERNAL, "internal error: " + e));
      throw e;
    } finally {
      deadline.shutdownNow();
      hashPool.shutdownNow();
      transferPool.shutdownNow();
      hashPool.awaitTermination(30, TimeUnit.SECONDS);
      transferPool.awaitTermination(30, TimeUnit.SECONDS);
      try {
        lifecycle.finish(sessionId, summary());
      } catch (RuntimeException secondary) {
        if (failure == null) {
          throw secondary;
        }
        failure.addSuppressed(secondary);
      }
    }
    return summary();
  }

  private RunSummary summary() {
    return summary(options.dryRun() ? Optional.empty() : Optional.of(sessionId));
  }

  private RunSummary summary(Optional<Long> session) {
    return stats.summary(
        session, options.dryRun(), control.reason(), options.transfers(), limit.lowest());
  }

  private void submit(ExecutorService pool, Runnable task) {
    pending.submit(pool, task);
  }

  private void problem(SourceProblem problem) {
    stats.problem(problem);
    failures.record(problem.where(), FailureReason.SOURCE_UNREADABLE, problem.reason(), 0);
  }

  /** Fingerprints and plans one file, then hands it to a transfer or a committer. */
  private void handle(MediaEntry file) {
    planning.plan(file, sessionId).ifPresent(decision -> dispatch(decision, file));
  }

  /**
   * Plans a batch of listed files: those the scan cache knows in one transaction, each of the
   * others read in a task of its own (hashing runs in parallel); every file's place in {@code
   * batches} is given back when it is planned.
   */
  private void plan(List<MediaEntry> batch, PlanBatches batches) {
    int known = batch.size();
    try {
      Planning.Known planned = planning.planKnown(batch, sessionId);
      known -= planned.unknown().size();
      for (MediaEntry file : planned.unknown()) {
        submit(
            hashPool,
            () -> {
              try {
                planning.planRead(file, sessionId).ifPresent(d -> dispatch(d, file));
              } finally {
                batches.done(1);
              }
            });
      }
      planned.decided().forEach(d -> dispatch(d.decision(), d.file()));
    } finally {
      batches.done(known);
    }
  }

  /** Acts on a decision about {@code file}. */
  private void dispatch(Planner.Decision decision, MediaEntry file) {
    if (decision instanceof Planner.Done done) {
      done.waiting().ifPresent(stats::waiting);
      stats.finished(file.where(), done.outcome());
      return;
    }
    UploadItem item =
        decision instanceof Planner.Transfer t ? t.item() : ((Planner.Commit) decision).item();
    if (!dispatched.add(item.id())) {
      stats.finished(file.where(), Outcome.DUPLICATE); // its twin took it into this run first
      return;
    }
    if (options.dryRun()) {
      stats.plannedBytes(item.size() - item.ackedOffset());
      stats.planned(file, item.size() - item.ackedOffset());
      stats.finished(file.where(), Outcome.PLANNED);
      return;
    }
    if (decision instanceof Planner.Transfer) {
      stats.planned(file, item.size() - item.ackedOffset());
      stats.plannedBytes(item.size());
      if (!queued.take(control)) {
        failures.defer(item);
        return;
      }
      submit(transferPool, () -> queued.run(() -> transfers.transfer(item)));
      return;
    }
    TargetTraits traits = targets.get(item.service()).traits();
    boolean expired =
        item.uploadTokenAt()
            .map(at -> at.plus(traits.receiptLifetime()).isBefore(db.clock().instant()))
            .orElse(true);
    if (expired || item.uploadToken().isEmpty()) {
      resend(item);
    } else {
      committers.get(item.service()).add(item, item.uploadToken().get());
    }
  }

  /** Sends an item's bytes again: its receipt expired or was refused. */
  private void resend(UploadItem item) {
    UploadItem reset = transfers.resetForResend(item);
    stats.planned(Planning.entryOf(reset), reset.size());
    stats.plannedBytes(reset.size());
    submit(transferPool, () -> transfers.transfer(reset));
  }

  /** A file changed under its transfer: fingerprint and plan it again, once per run. */
  private void rehash(UploadItem item, TargetException changed) {
    if (!rehashed.add(item.sourceKey())) {
      failures.fail(item, changed);
      return;
    }
    try {
      Optional<MediaStat> now = media.stat(item.sourceKey());
      if (now.isEmpty()) {
        failures.fail(item, changed);
        return;
      }
      MediaEntry entry = Planning.entryOf(item);
      MediaEntry fresh =
          new MediaEntry(
              entry.key(),
              entry.name(),
              entry.mediaFolder(),
              now.get().size(),
              now.get().mtimeMs());
      dispatched.remove(item.id());
      submit(hashPool, () -> handle(fresh));
    } catch (IOException e) {
      failures.fail(item, changed);
    }
  }
}
