package app.wauploader.emulator.faults;

import java.util.Arrays;
import java.util.Optional;

/** What a fault rule does to a matching request. */
public enum FaultAction {
  /** Answer with the rule's HTTP status and the service's error body (the default). */
  STATUS("status"),
  /** After {@code afterBytes} body bytes, close the connection without an answer. */
  RESET("reset"),
  /** After {@code afterBytes} body bytes, stop reading and never answer (until shutdown). */
  STALL("stall"),
  /** Forget the upload session the request addresses, then answer 404 as for an unknown one. */
  DROP_SESSION("dropSession"),
  /** batchCreate only: fail the items at {@code itemIndexes}, let the others succeed. */
  PARTIAL("partial");

  private final String wireName;

  FaultAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<FaultAction> byWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
  }
}
