package app.wauploader.cli.progress;

import app.wauploader.core.scan.MediaFile;
import app.wauploader.core.scan.ScanProblem;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run on a terminal: a progress bar in MiB (rate and ETA from the progressbar library) with
 * files done / found as its message; retries and unreadable paths as lines on stderr. Without a
 * terminal, only those lines.
 */
public final class ConsoleProgress implements RunListener, AutoCloseable {
  private static final long MIB = 1024 * 1024;

  private final ProgressBar bar;
  private final PrintWriter err;
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private long planned;
  private boolean closed;

  /**
   * @param showBar true to draw the bar (an interactive terminal and no {@code --no-progress})
   */
  public ConsoleProgress(boolean showBar, PrintWriter err) {
    this.err = err;
    this.bar =
        showBar
            ? new ProgressBarBuilder()
                .setTaskName("Uploading")
                .setInitialMax(0)
                .setUnit("MiB", MIB)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build()
            : null;
  }

  @Override
  public void found(MediaFile file) {
    found.incrementAndGet();
    message();
  }

  @Override
  public synchronized void planned(MediaFile file, long bytes) {
    planned += bytes;
    if (bar != null) {
      bar.maxHint(planned);
    }
  }

  @Override
  public void sent(long bytes) {
    if (bar != null) {
      bar.stepBy(bytes);
    }
  }

  @Override
  public void finished(String path, Outcome outcome) {
    done.incrementAndGet();
    message();
  }

  @Override
  public void retrying(String path, String message, long delayMs) {
    err.printf("retry in %.1f s: %s%n", delayMs / 1000.0, message);
    err.flush();
  }

  @Override
  public void problem(ScanProblem problem) {
    err.printf("cannot read %s: %s%n", problem.path(), problem.reason());
    err.flush();
  }

  private void message() {
    if (bar != null) {
      bar.setExtraMessage(" files " + done.get() + "/" + found.get());
    }
  }

  /** Finishes the bar (once; later calls do nothing). */
  @Override
  public synchronized void close() {
    if (bar != null && !closed) {
      closed = true;
      bar.close();
    }
  }
}
