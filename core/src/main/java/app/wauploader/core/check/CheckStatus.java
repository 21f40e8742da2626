package app.wauploader.core.check;

/** How one set-up check came out. */
public enum CheckStatus {
  /** It works. */
  OK,
  /** It works, but something is worth knowing (e.g. the clock is more than 5 minutes off). */
  WARN,
  /** It does not apply here (e.g. sign-in against an emulator without auth), or could not run. */
  SKIP,
  /** It does not work: the set-up must be fixed before backups can succeed. */
  FAIL
}
