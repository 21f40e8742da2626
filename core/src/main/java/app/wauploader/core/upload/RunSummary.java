package app.wauploader.core.upload;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a run.
 *
 * @param sessionId the upload_sessions row, empty for a dry run
 * @param counts files per outcome
 * @param bytesSent body bytes the services acknowledged in this run
 * @param bytesPlanned bytes of the files planned for upload (dry run: what would be sent)
 * @param pausedServices services that stopped for a used-up daily quota, with the message
 * @param fatal the error that stopped the run, if one did
 * @param scanProblems paths that could not be read
 */
public record RunSummary(
    Optional<Long> sessionId,
    Map<Outcome, Integer> counts,
    long bytesSent,
    long bytesPlanned,
    Map<String, String> pausedServices,
    Optional<Fatal> fatal,
    int scanProblems,
    Duration elapsed) {

  /**
   * What stopped a run.
   *
   * @param authorization true when the sign-in is missing, expired or revoked (HTTP 401 or a
   *     refused token refresh): signing in again fixes it
   */
  public record Fatal(String message, boolean authorization) {}

  public int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** Files handled in total. */
  public int files() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
