package app.wauploader.emulator.faults;

import app.wauploader.emulator.http.ClientDisconnectedException;

/**
 * Thrown from a request body when a {@code reset} or {@code stall} rule fires. Upload handlers
 * treat it as a broken connection (keep the 256 KiB-truncated bytes); the dispatcher then closes
 * the connection ({@code reset}) or holds it unanswered ({@code stall}).
 */
public final class InjectedDisconnect extends ClientDisconnectedException {
  private static final long serialVersionUID = 1L;

  private final boolean stall;

  public InjectedDisconnect(boolean stall) {
    super(stall ? "injected stall" : "injected connection reset", null);
    this.stall = stall;
  }

  /** True for {@code stall}, false for {@code reset}. */
  public boolean isStall() {
    return stall;
  }
}
