package app.wauploader.core.upload;

/** Why a run ended before it had tried every file. */
public enum StopReason {
  /**
   * {@link RunControl#stop()} was called (Ctrl-C, SIGTERM, the app's stop button, the job ended).
   */
  STOPPED,
  /** The run's time budget ({@link RunControl#withDeadline}) was used up. */
  DEADLINE,
  /** Nothing answered: every request failed without an answer (or with 5xx) for a while. */
  UNREACHABLE,
  /** The sign-in is missing, expired or revoked. */
  UNAUTHORIZED,
  /** The Google account's storage is full. */
  STORAGE_FULL,
  /** The set-up is wrong: an API not enabled, a permission not granted at sign-in. */
  SETUP,
  /**
   * A device condition (Wi-Fi, charging; {@link DeviceConditions}) did not hold for the run's whole
   * wait limit: the files wait for the next run.
   */
  CONDITIONS,
  /** A bug or an unexpected state in wa-uploader itself. */
  INTERNAL
}
