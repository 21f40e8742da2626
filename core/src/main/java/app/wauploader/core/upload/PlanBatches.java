package app.wauploader.core.upload;

import app.wauploader.core.source.MediaEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * Gathers listed files into batches of {@link #SIZE} for planning (one transaction per batch for
 * the files the scan cache knows), with at most {@link #IN_FLIGHT} files listed but not yet
 * finished with planning, so a listing of 100,000 files never holds them all. Fed by the one
 * listing thread; the batch tasks give back their files' places ({@link #done}).
 */
final class PlanBatches {
  /** Files per planning transaction. */
  static final int SIZE = 128;

  /** Files listed and not yet planned, at most. */
  static final int IN_FLIGHT = 2 * SIZE;

  private final Semaphore places = new Semaphore(IN_FLIGHT);
  private final BiConsumer<List<MediaEntry>, PlanBatches> submit;
  private List<MediaEntry> batch = new ArrayList<>(SIZE);

  /**
   * @param submit runs a batch (on the hash pool) of these batches; it calls {@link #done} for
   *     every file
   */
  PlanBatches(BiConsumer<List<MediaEntry>, PlanBatches> submit) {
    this.submit = submit;
  }

  /** Adds a listed file, waiting while {@link #IN_FLIGHT} files are in planning. */
  void add(MediaEntry file) {
    places.acquireUninterruptibly();
    batch.add(file);
    if (batch.size() == SIZE) {
      flush();
    }
  }

  /** Submits what is gathered (the end of the listing). */
  void flush() {
    if (!batch.isEmpty()) {
      List<MediaEntry> full = batch;
      batch = new ArrayList<>(SIZE);
      submit.accept(full, this);
    }
  }

  /** {@code files} of a batch are planned (or given up): their places are free again. */
  void done(int files) {
    places.release(files);
  }
}
