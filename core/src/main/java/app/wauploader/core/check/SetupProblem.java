package app.wauploader.core.check;

/**
 * What kind of fix a failed check needs. Core names no command: each front end turns a problem into
 * its own advice and exit code.
 */
public enum SetupProblem {
  /** No usable sign-in: none stored, or Google refused to renew it. Sign in again. */
  SIGN_IN,
  /**
   * Signed in, but without every scope a backup needs (a box left unticked on the consent screen):
   * sign in again granting them.
   */
  MISSING_SCOPES,
  /** The API is not enabled in the Google Cloud project of the OAuth client: enable it there. */
  API_DISABLED,
  /** Google could not be reached (network, DNS, timeout, 5xx): try again later. */
  UNREACHABLE,
  /** The Google account's storage is full. */
  STORAGE_FULL,
  /** The local database cannot be opened or written. */
  DATABASE,
  /** Google refused the call for another reason (see the detail). */
  REFUSED
}
