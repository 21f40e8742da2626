package app.wauploader.core.upload;

/**
 * What a run amounts to for the user, most important first: each front end maps it to its own words
 * (the CLI to an exit code and a line, the app to a job result and a notification).
 */
public enum Verdict {
  /** Not signed in, or the sign-in cannot be renewed. */
  SIGN_IN_REQUIRED,
  /** Google refused to go on: the account's storage is full. */
  STORAGE_FULL,
  /** Google refused because of the set-up: an API not enabled, a permission not granted. */
  SETUP_ERROR,
  /** wa-uploader failed internally. */
  INTERNAL_ERROR,
  /** Stopped on request. */
  STOPPED,
  /** The time budget was used up. */
  DEADLINE,
  /** Google could not be reached; the files wait. */
  UNREACHABLE,
  /** The device was not on Wi-Fi or not charging (as asked) for the run's wait limit. */
  WAITING_FOR_CONDITIONS,
  /** A daily quota is used up; files wait for its reset. */
  WAITING_FOR_QUOTA,
  /** Files wait to be retried at a known time (server trouble, rate limits). */
  WAITING_TO_RETRY,
  /** Some files failed and need attention. */
  SOME_FAILED,
  /** Parts of a source could not be read. */
  SOURCE_PROBLEMS,
  /** Another process is uploading some of these files right now. */
  BUSY_ELSEWHERE,
  /** Every eligible file is in Google (a dry run: planning succeeded). */
  DONE
}
