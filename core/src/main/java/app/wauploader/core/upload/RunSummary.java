package app.wauploader.core.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a run.
 *
 * @param sessionId the upload_sessions row, empty for a dry run
 * @param counts files per outcome
 * @param bytesSent body bytes the services acknowledged in this run
 * @param bytesPlanned bytes of the files planned for upload (dry run: what would be sent)
 * @param pausedServices services ({@code photos}, {@code drive}) that stopped for a used-up daily
 *     quota, with when it resets and Google's message
 * @param fatal the error that stopped the run, if one did
 * @param scanProblems paths that could not be read
 * @param lowestTransfers the fewest parallel transfers the run fell to under rate limiting
 */
public record RunSummary(
    Optional<Long> sessionId,
    Map<Outcome, Integer> counts,
    long bytesSent,
    long bytesPlanned,
    Map<String, Pause> pausedServices,
    Optional<Fatal> fatal,
    int scanProblems,
    int lowestTransfers,
    Duration elapsed) {

  /**
   * What stopped a run.
   *
   * @param authorization true when the sign-in is missing, expired or revoked (HTTP 401 or a
   *     refused token refresh): signing in again fixes it
   */
  public record Fatal(String message, boolean authorization) {}

  /**
   * A service paused for its daily quota.
   *
   * @param until when the quota resets (midnight Pacific Time)
   */
  public record Pause(Instant until, String message) {}

  /** Files that reached {@code outcome} in this run (0 if none). */
  public int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** Files handled in total. */
  public int files() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
