package app.wauploader.core.upload;

import java.util.Optional;

/**
 * What the device must be like for bytes to be sent (Wi-Fi, charging), as a front end can tell:
 * Termux asks termux-api, the Android app its own APIs. While a condition does not hold the run
 * sends nothing (requests in flight finish), waits, and goes on when it holds again, or stops after
 * its wait limit ({@link RunControl#conditions}).
 */
@FunctionalInterface
public interface DeviceConditions {
  /** Always met. */
  DeviceConditions NONE = Optional::empty;

  /**
   * Asks the device now.
   *
   * @return empty when every condition holds, else what is waited for, e.g. {@code "waiting for
   *     Wi-Fi"}
   * @throws InterruptedException when the run stops meanwhile
   */
  Optional<String> unmet() throws InterruptedException;
}
