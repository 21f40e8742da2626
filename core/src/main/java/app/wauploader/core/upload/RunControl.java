package app.wauploader.core.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops a run from outside, or at a deadline: a front end's Ctrl-C/SIGTERM handler, the Android
 * job's stop callback, or the time budget of a background job (Android gives a job about 10
 * minutes). A stopped run ends cleanly: transfers in flight end within one 64 KiB piece of their
 * request body, waits for retries end at once, the session is marked {@code interrupted} with its
 * locks released, and the next run resumes from the bytes the server acknowledged. Thread-safe; one
 * per run.
 */
public final class RunControl {
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<RunSummary.Stop> reason = new AtomicReference<>();
  private final Optional<Instant> deadline;
  private volatile Runnable onStop = () -> {};
  private volatile DeviceConditions conditions = DeviceConditions.NONE;
  private volatile Duration checkEvery = Duration.ofMinutes(1);
  private volatile Duration waitMax = Duration.ofMinutes(5);
  private volatile java.util.function.Consumer<String> waiting = reason -> {};
  private long metUntilNanos;

  private RunControl(Optional<Instant> deadline) {
    this.deadline = deadline;
  }

  /** A control that stops only when {@link #stop()} is called. */
  public static RunControl create() {
    return new RunControl(Optional.empty());
  }

  /**
   * A control that also stops {@code budget} after {@code clock}'s now.
   *
   * @param budget positive
   */
  public static RunControl withDeadline(Clock clock, Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
    return new RunControl(Optional.of(clock.instant().plus(budget)));
  }

  /**
   * Sends only while {@code device} says its conditions hold: asked at most every {@code every}
   * (and before a request after a pause); while they do not hold, nothing new is sent, {@code
   * waiting} is told the reason once per wait, and after {@code max} of waiting the run stops as
   * {@link StopReason#CONDITIONS}.
   *
   * @return this control
   */
  public RunControl conditions(
      DeviceConditions device,
      Duration every,
      Duration max,
      java.util.function.Consumer<String> waiting) {
    this.conditions = device;
    this.checkEvery = every;
    this.waitMax = max;
    this.waiting = waiting;
    return this;
  }

  /**
   * Returns when the device conditions hold (at once when they were met less than {@code every}
   * ago); waits while they do not.
   *
   * @throws InterruptedException when the run stops, or stops now because the wait limit passed
   */
  void awaitConditions() throws InterruptedException {
    if (conditions == DeviceConditions.NONE) {
      return; // every request of a run without conditions passes here: no lock
    }
    synchronized (this) {
      awaitConditionsLocked();
    }
  }

  private void awaitConditionsLocked() throws InterruptedException {
    if (System.nanoTime() < metUntilNanos) {
      return;
    }
    Optional<String> unmet = conditions.unmet();
    long since = System.nanoTime();
    if (unmet.isPresent()) {
      waiting.accept(unmet.get());
    }
    while (unmet.isPresent()) {
      if (System.nanoTime() - since >= waitMax.toNanos()) {
        stop(
            new RunSummary.Stop(
                StopReason.CONDITIONS,
                unmet.get() + " for " + waitMax.getSeconds() + " s; nothing more was sent"));
      }
      if (isStopping() || await(checkEvery)) {
        throw new InterruptedException("run stopping while " + unmet.get());
      }
      unmet = conditions.unmet();
    }
    metUntilNanos = System.nanoTime() + checkEvery.toNanos();
  }

  /** Asks the run to stop (user or system request); safe from any thread, any number of times. */
  public void stop() {
    stop(new RunSummary.Stop(StopReason.STOPPED, "stopped on request"));
  }

  /** The deadline, if this control has one. */
  public Optional<Instant> deadline() {
    return deadline;
  }

  /** True once the run must stop: no new work, no more waiting. */
  public boolean isStopping() {
    return stopped.getCount() == 0;
  }

  /** Why the run stopped, once it has. */
  public Optional<RunSummary.Stop> reason() {
    return Optional.ofNullable(reason.get());
  }

  /**
   * Waits up to {@code duration} or until the run stops, whichever comes first.
   *
   * @return true if the run is stopping
   */
  public boolean await(Duration duration) throws InterruptedException {
    return stopped.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the clock of the deadline, if there is one: at the deadline the run stops as {@link
   * StopReason#DEADLINE}. Shut the returned executor down when the run ends.
   */
  java.util.concurrent.ScheduledExecutorService armDeadline(Clock clock) {
    java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            PendingTasks.named("clock"));
    deadline.ifPresent(
        at ->
            timer.schedule(
                () ->
                    stop(
                        new RunSummary.Stop(
                            StopReason.DEADLINE, "the time budget of this run is used up")),
                Math.max(0, at.toEpochMilli() - clock.millis()),
                TimeUnit.MILLISECONDS));
    return timer;
  }

  /** Stops for {@code why}; the first reason wins. */
  void stop(RunSummary.Stop why) {
    if (reason.compareAndSet(null, why)) {
      stopped.countDown();
      onStop.run();
    }
  }

  /** What the pipeline does when the run stops (interrupt its workers); run once. */
  void onStop(Runnable action) {
    onStop = action;
    if (isStopping()) {
      action.run();
    }
  }
}
