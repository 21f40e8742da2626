package app.wauploader.core.upload;

import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a run.
 *
 * @param sessionId the upload_sessions row; empty for a dry run and for a resume that found nothing
 *     due (then {@link #waits} says what waits and until when)
 * @param dryRun true if nothing was sent and nothing written
 * @param counts files per outcome
 * @param bytesSent body bytes the services acknowledged in this run
 * @param bytesPlanned bytes of the files planned for upload (dry run: what would be sent)
 * @param waits files of this run left waiting, per service and kind of wait, with the earliest time
 *     they may be tried
 * @param stop why the run ended early, if it did
 * @param sourceProblems parts of the sources that could not be read
 * @param transfers the parallel transfers the run was allowed (1..16)
 * @param lowestTransfers the fewest parallel transfers the run fell to under rate limiting
 * @param filed contents already in Google filed in one more chat's album or folder (no bytes sent)
 */
public record RunSummary(
    Optional<Long> sessionId,
    boolean dryRun,
    Map<Outcome, Integer> counts,
    long bytesSent,
    long bytesPlanned,
    List<Wait> waits,
    Optional<Stop> stop,
    int sourceProblems,
    int transfers,
    int lowestTransfers,
    Duration elapsed,
    int filed) {

  /**
   * Why a run ended early.
   *
   * @param message one line, naming no command
   */
  public record Stop(StopReason reason, String message) {}

  /**
   * Files waiting for a service.
   *
   * @param reason why they wait ({@link FailureReason#DAILY_QUOTA}: until the quota resets at
   *     midnight Pacific Time; otherwise the last failure, retried from {@code until})
   * @param until the earliest time one of them may be tried
   * @param files how many
   * @param message Google's or our one-line reason
   */
  public record Wait(
      Service service, FailureReason reason, Instant until, int files, String message) {
    /** True for a used-up daily quota. */
    public boolean isQuota() {
      return reason == FailureReason.DAILY_QUOTA;
    }
  }

  /** Files that reached {@code outcome} in this run (0 if none). */
  public int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** True if Google's rate limits made the run lower its parallel transfers. */
  public boolean slowedDown() {
    return lowestTransfers < transfers;
  }

  /** Files handled in total. */
  public int files() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The earliest time a waiting file may be tried, if any waits. */
  public Optional<Instant> nextAttempt() {
    return waits.stream().map(Wait::until).min(Instant::compareTo);
  }

  /** What the run amounts to: {@link Verdict#DONE} only when every eligible file is in Google. */
  public Verdict verdict() {
    if (stop.isPresent()) {
      return switch (stop.get().reason()) {
        case UNAUTHORIZED -> Verdict.SIGN_IN_REQUIRED;
        case STORAGE_FULL -> Verdict.STORAGE_FULL;
        case SETUP -> Verdict.SETUP_ERROR;
        case INTERNAL -> Verdict.INTERNAL_ERROR;
        case STOPPED -> Verdict.STOPPED;
        case DEADLINE -> Verdict.DEADLINE;
        case UNREACHABLE -> Verdict.UNREACHABLE;
        case CONDITIONS -> Verdict.WAITING_FOR_CONDITIONS;
      };
    }
    if (waits.stream().anyMatch(Wait::isQuota)) {
      return Verdict.WAITING_FOR_QUOTA;
    }
    if (!waits.isEmpty()) {
      return Verdict.WAITING_TO_RETRY;
    }
    if (count(Outcome.FAILED) > 0) {
      return Verdict.SOME_FAILED;
    }
    if (sourceProblems > 0) {
      return Verdict.SOURCE_PROBLEMS;
    }
    if (count(Outcome.LOCKED) > 0) {
      return Verdict.BUSY_ELSEWHERE;
    }
    if (count(Outcome.DEFERRED) > 0 && !dryRun) {
      return Verdict.INTERNAL_ERROR;
    }
    return Verdict.DONE;
  }
}
