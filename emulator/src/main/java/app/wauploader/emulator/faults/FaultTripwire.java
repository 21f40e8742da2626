package app.wauploader.emulator.faults;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that lets {@code afterBytes} bytes through, then fires its byte-triggered rule:
 * the next read throws {@link InjectedDisconnect}. If the rule has no uses left by then (another
 * request fired it), the body reads on normally. Not thread-safe (one request).
 */
public final class FaultTripwire extends InputStream {
  private final InputStream body;
  private final FaultPlan plan;
  private final FaultPlan.ArmedRule armed;
  private final long afterBytes;
  private long passed;
  private boolean disarmed;

  public FaultTripwire(InputStream body, FaultPlan plan, FaultPlan.ArmedRule armed) {
    this.body = body;
    this.plan = plan;
    this.armed = armed;
    this.afterBytes = armed.rule().afterBytes();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (disarmed) {
      return body.read(buffer, offset, length);
    }
    if (passed >= afterBytes) {
      if (plan.tryUse(armed)) {
        throw new InjectedDisconnect(armed.rule().action() == FaultAction.STALL);
      }
      disarmed = true;
      return body.read(buffer, offset, length);
    }
    int n = body.read(buffer, offset, (int) Math.min(length, afterBytes - passed));
    if (n > 0) {
      passed += n;
    }
    return n;
  }
}
