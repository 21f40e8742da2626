package app.wauploader.cli;

import app.wauploader.core.app.RunReports;
import app.wauploader.core.upload.StopReason;
import app.wauploader.domain.FailureReason;

/**
 * What a Termux user can do about a failure, in this front end's words: core words the advice
 * ({@link RunReports}); the commands it names are this front end's.
 */
public final class Advice {
  /**
   * Refresh tokens of OAuth apps in "Testing" status expire after 7 days
   * (https://developers.google.com/identity/protocols/oauth2#expiration).
   */
  public static final String SIGN_IN_AGAIN =
      "run 'wa-uploader auth login' again (if your OAuth app is in \"Testing\" status, Google"
          + " expires its refresh tokens after 7 days)";

  /** An API not enabled for the OAuth client's project. */
  public static final String ENABLE_API = RunReports.ENABLE_API;

  /** A permission unticked on Google's consent screen. */
  public static final String TICK_EVERY_BOX =
      "run 'wa-uploader auth login' again and tick every box on Google's consent screen";

  /** The commands a Termux user runs, for the advice core words the same for every front end. */
  private static final RunReports.Actions TERMUX =
      new RunReports.Actions() {
        @Override
        public String signInAgain() {
          return SIGN_IN_AGAIN;
        }

        @Override
        public String tickEveryBox() {
          return TICK_EVERY_BOX;
        }

        @Override
        public String continueLater() {
          return "run 'wa-uploader resume'";
        }

        @Override
        public String continueStopped() {
          return "run 'wa-uploader resume' (or upload again) to continue";
        }

        @Override
        public String runAgain() {
          return "run again";
        }

        @Override
        public String grantReadAccess() {
          return "give Termux read access (termux-setup-storage) or fix permissions";
        }
      };

  private Advice() {}

  /** The advice for a failure reason (one line). */
  public static String of(FailureReason reason) {
    return RunReports.advice(reason, TERMUX);
  }

  /** The advice for a stopped run (one line). */
  public static String of(StopReason reason) {
    return RunReports.advice(reason, TERMUX);
  }
}
