package app.wauploader.core.upload;

import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.SourceProblem;
import app.wauploader.domain.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run did, counted as it goes: files per outcome, bytes, source problems, and the files left
 * waiting (per service and kind of wait, with the earliest time). Also the listener every stage
 * reports to, which counts on the way to the front end's listener. Thread-safe.
 */
final class RunStatistics implements RunListener {
  private final RunListener delegate;
  private final Map<Outcome, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong bytesPlanned = new AtomicLong();
  private final AtomicInteger sourceProblems = new AtomicInteger();
  private final AtomicInteger filed = new AtomicInteger();
  private final Map<String, RunSummary.Wait> waits = new LinkedHashMap<>();
  private final long startedNanos = System.nanoTime();

  RunStatistics(RunListener delegate) {
    this.delegate = delegate;
  }

  /** Bytes that will be sent for a planned file (dry run: would be sent). */
  void plannedBytes(long bytes) {
    bytesPlanned.addAndGet(bytes);
  }

  /**
   * Counts {@code files} files as having reached {@code outcome} (without telling the listener).
   */
  void count(Outcome outcome, int files) {
    counts.computeIfAbsent(outcome, k -> new AtomicInteger()).addAndGet(files);
  }

  /**
   * Files that wait: merged with earlier waits of the same service and kind (quota or retry),
   * keeping the earliest time and the latest reason.
   */
  synchronized void waiting(RunSummary.Wait wait) {
    String key = wait.service().id() + (wait.isQuota() ? "/quota" : "/retry");
    RunSummary.Wait known = waits.get(key);
    if (known == null) {
      waits.put(key, wait);
      return;
    }
    waits.put(
        key,
        new RunSummary.Wait(
            wait.service(),
            wait.reason(),
            known.until().isBefore(wait.until()) ? known.until() : wait.until(),
            known.files() + wait.files(),
            wait.message()));
  }

  /** Files of earlier runs that wait and are not this run's to try. */
  void stillWaiting(app.wauploader.db.WaitingItems w) {
    waiting(
        new RunSummary.Wait(
            w.service(), w.reason(), w.until(), w.files(), "waiting since an earlier run"));
    count(Outcome.WAITING, w.files());
  }

  /** The waits recorded so far for {@code service}'s quota, if any. */
  synchronized Optional<RunSummary.Wait> quotaWait(Service service) {
    return Optional.ofNullable(waits.get(service.id() + "/quota"));
  }

  /** The summary of the run so far. */
  synchronized RunSummary summary(
      Optional<Long> sessionId,
      boolean dryRun,
      Optional<RunSummary.Stop> stop,
      int transfers,
      int lowestTransfers) {
    Map<Outcome, Integer> result = new EnumMap<>(Outcome.class);
    counts.forEach((k, v) -> result.put(k, v.get()));
    List<RunSummary.Wait> waiting = new ArrayList<>(waits.values());
    return new RunSummary(
        sessionId,
        dryRun,
        result,
        bytesSent.get(),
        bytesPlanned.get(),
        waiting,
        stop,
        sourceProblems.get(),
        transfers,
        lowestTransfers,
        Duration.ofNanos(System.nanoTime() - startedNanos),
        filed.get());
  }

  @Override
  public void found(MediaEntry file) {
    delegate.found(file);
  }

  @Override
  public void planned(MediaEntry file, long bytes) {
    delegate.planned(file, bytes);
  }

  @Override
  public void decided(String where, Plan plan) {
    delegate.decided(where, plan);
  }

  @Override
  public void sent(long bytes) {
    bytesSent.addAndGet(bytes);
    delegate.sent(bytes);
  }

  @Override
  public void finished(String where, Outcome outcome) {
    counts.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    delegate.finished(where, outcome);
  }

  @Override
  public void filed(String container, int items) {
    filed.addAndGet(items);
    delegate.filed(container, items);
  }

  @Override
  public void retrying(String where, String message, long delayMs) {
    delegate.retrying(where, message, delayMs);
  }

  @Override
  public void problem(SourceProblem problem) {
    sourceProblems.incrementAndGet();
    delegate.problem(problem);
  }
}
