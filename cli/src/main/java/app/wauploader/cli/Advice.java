package app.wauploader.cli;

import app.wauploader.core.upload.StopReason;
import app.wauploader.domain.FailureReason;

/**
 * What a Termux user can do about a failure, in this front end's words: core's reasons name no
 * command, so the advice (and the commands it names) lives here.
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
  public static final String ENABLE_API =
      "enable the API the message names for your OAuth client's project"
          + " (https://console.cloud.google.com/apis/library)";

  /** A permission unticked on Google's consent screen. */
  public static final String TICK_EVERY_BOX =
      "run 'wa-uploader auth login' again and tick every box on Google's consent screen";

  private Advice() {}

  /** The advice for a failure reason (one line). */
  public static String of(FailureReason reason) {
    return switch (reason) {
      case NETWORK -> "check the connection; the next run resumes where this one stopped";
      case SERVER -> "Google had trouble; the next run tries again";
      case RATE_LIMITED -> "Google asked to slow down; the next run tries again";
      case DAILY_QUOTA -> "run 'wa-uploader resume' after the quota resets (midnight Pacific Time)";
      case UNAUTHORIZED -> SIGN_IN_AGAIN;
      case STORAGE_FULL -> "free space in your Google account or buy storage, then run again";
      case API_DISABLED -> ENABLE_API;
      case SCOPE_MISSING -> TICK_EVERY_BOX;
      case REJECTED -> "Google refused this file as it is; see the message";
      case CHECKSUM_MISMATCH -> "the bytes were damaged on the way; the next run sends it again";
      case SOURCE_UNREADABLE -> "give Termux read access (termux-setup-storage) or fix permissions";
      case SOURCE_MISSING -> "the file was moved or deleted before it was sent";
      case SOURCE_CHANGED -> "the file changed while it was sent; the next run reads it again";
      case RECEIPT_EXPIRED -> "the upload expired before it was added; it is sent again";
      case INTERNAL -> "please report this with the message";
    };
  }

  /** The advice for a stopped run (one line). */
  public static String of(StopReason reason) {
    return switch (reason) {
      case STOPPED -> "nothing is lost: run 'wa-uploader resume' (or upload again) to continue";
      case DEADLINE -> "nothing is lost: run again to continue";
      case UNREACHABLE -> "nothing is lost: run again when Google can be reached";
      case UNAUTHORIZED -> SIGN_IN_AGAIN;
      case STORAGE_FULL -> "free space in your Google account or buy storage, then run again";
      case SETUP ->
          "fix the set-up named in the message ("
              + ENABLE_API
              + "; or "
              + TICK_EVERY_BOX
              + "), then run again; nothing is lost";
      case INTERNAL -> "please report this with the message; nothing is lost";
    };
  }
}
