package app.wauploader.core.upload;

import app.wauploader.core.scan.MediaFile;
import app.wauploader.core.scan.ScanProblem;

/** Observes a run for progress display. Called from worker threads; must be thread-safe. */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A file was found by the scan. */
  default void found(MediaFile file) {}

  /** A file will be sent ({@code bytes} still to send). */
  default void planned(MediaFile file, long bytes) {}

  /** The server acknowledged {@code bytes} more bytes. */
  default void sent(long bytes) {}

  /** A file reached its outcome for this run. */
  default void finished(String path, Outcome outcome) {}

  /** A transient failure will be retried after a pause. */
  default void retrying(String path, String message, long delayMs) {}

  /** A path could not be read during the scan. */
  default void problem(ScanProblem problem) {}
}
