package app.wauploader.core.check;

import app.wauploader.domain.Service;
import java.util.Optional;

/**
 * The outcome of one set-up check.
 *
 * @param check what was checked, a short lower-case label ({@code "sign-in"}, {@code "photos api"},
 *     …)
 * @param status how it came out
 * @param detail one line saying what was found (never a token), naming no command
 * @param problem the kind of fix needed; present exactly when {@code status} is {@link
 *     CheckStatus#FAIL}
 * @param service the service the check is about, when it is about one
 */
public record CheckResult(
    String check,
    CheckStatus status,
    String detail,
    Optional<SetupProblem> problem,
    Optional<Service> service) {

  public CheckResult {
    if ((status == CheckStatus.FAIL) != problem.isPresent()) {
      throw new IllegalArgumentException("a problem is given exactly for a failed check");
    }
  }

  /** A check that passed. */
  public static CheckResult ok(String check, Optional<Service> service, String detail) {
    return new CheckResult(check, CheckStatus.OK, detail, Optional.empty(), service);
  }

  /** A check that passed with something worth knowing. */
  public static CheckResult warn(String check, Optional<Service> service, String detail) {
    return new CheckResult(check, CheckStatus.WARN, detail, Optional.empty(), service);
  }

  /** A check that does not apply or could not run. */
  public static CheckResult skip(String check, Optional<Service> service, String detail) {
    return new CheckResult(check, CheckStatus.SKIP, detail, Optional.empty(), service);
  }

  /** A check that failed for {@code problem}. */
  public static CheckResult fail(
      String check, Optional<Service> service, SetupProblem problem, String detail) {
    return new CheckResult(check, CheckStatus.FAIL, detail, Optional.of(problem), service);
  }

  /** True unless the check failed. */
  public boolean passed() {
    return status != CheckStatus.FAIL;
  }
}
