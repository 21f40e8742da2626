package app.wauploader.core.upload;

import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.SourceProblem;

/**
 * Observes a run for progress display. Called from worker threads; must be thread-safe. {@code
 * where} is a file's place as shown to a user (a path, or {@code archive.zip!/entry}).
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A file was found by the listing (or taken up again by a resume). */
  default void found(MediaEntry file) {}

  /** A file was planned: what will (dry run: would) happen to it. */
  default void decided(String where, Plan plan) {}

  /** A file will be sent ({@code bytes} still to send). */
  default void planned(MediaEntry file, long bytes) {}

  /** The server acknowledged {@code bytes} more bytes. */
  default void sent(long bytes) {}

  /** A file reached its outcome for this run. */
  default void finished(String where, Outcome outcome) {}

  /**
   * {@code items} contents already in Google were filed in {@code container} (a chat's album or
   * folder) without sending them again.
   */
  default void filed(String container, int items) {}

  /** A retryable failure will be retried after a pause of {@code delayMs} ms. */
  default void retrying(String where, String message, long delayMs) {}

  /** A part of a source could not be read. */
  default void problem(SourceProblem problem) {}

  /**
   * One line about the catalog shared through Google Drive: merged before the run, saved after it,
   * or why not (it never changes the run's verdict).
   */
  default void catalog(String line) {}
}
