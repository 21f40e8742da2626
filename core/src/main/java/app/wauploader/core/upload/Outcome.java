package app.wauploader.core.upload;

/** What happened to one file in a run. */
public enum Outcome {
  /** Sent and committed in this run. */
  UPLOADED,
  /** Its bytes were already uploaded (earlier, or by a same-run twin): nothing sent. */
  DUPLICATE,
  /** This very file was backed up by an earlier run and has not changed. */
  UNCHANGED,
  /** Not backed up by this run: an empty file, or one routed to a service the run leaves out. */
  SKIPPED,
  /** Failed; an upload_errors row says why. */
  FAILED,
  /** Waits for a later run: a daily quota, retries outlasted, a retry time not yet come. */
  WAITING,
  /** Left for a later run because the run stopped (on request, at its deadline, fatally). */
  DEFERRED,
  /** Another wa-uploader process is uploading it right now. */
  LOCKED,
  /** Dry run: would be sent. */
  PLANNED
}
