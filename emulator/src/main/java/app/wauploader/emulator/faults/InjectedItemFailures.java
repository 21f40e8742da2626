package app.wauploader.emulator.faults;

import java.util.Set;

/**
 * Per-item failures a {@code partial} rule injects into one batchCreate call.
 *
 * @param indexes positions in {@code newMediaItems} that fail
 * @param code google.rpc code put in each failed item's {@code status.code}
 * @param message message put in each failed item's {@code status.message}
 */
public record InjectedItemFailures(Set<Integer> indexes, int code, String message) {
  public InjectedItemFailures {
    indexes = Set.copyOf(indexes);
  }
}
