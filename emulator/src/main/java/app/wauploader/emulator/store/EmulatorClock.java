package app.wauploader.emulator.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's time: the system clock plus an offset that tests can move forward through {@code
 * POST /__emulator/clock/advance} (to expire access tokens or one-day upload tokens without
 * waiting). Thread-safe.
 */
public final class EmulatorClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public EmulatorClock(Clock base) {
    this.base = base;
  }

  public static EmulatorClock system() {
    return new EmulatorClock(Clock.systemUTC());
  }

  /** Moves time forward by {@code amount} (must not be negative). */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot move the emulator clock backwards: " + amount);
    }
    offset.accumulateAndGet(amount, Duration::plus);
  }

  /** The total amount time was moved forward. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the emulator clock is always UTC");
  }
}
