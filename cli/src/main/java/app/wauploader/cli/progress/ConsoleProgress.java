package app.wauploader.cli.progress;

import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.SourceProblem;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.Plan;
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
  private final PrintWriter plan;
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private long planned;
  private boolean closed;

  /**
   * @param showBar true to draw the bar (an interactive terminal and no {@code --no-progress})
   * @param plan where to print one line per file saying what happens to it (a dry run's stdout), or
   *     null
   */
  public ConsoleProgress(boolean showBar, PrintWriter err, PrintWriter plan) {
    this.err = err;
    this.plan = plan;
    this.bar =
        showBar && plan == null
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
  public void found(MediaEntry file) {
    found.incrementAndGet();
    message();
  }

  @Override
  public synchronized void planned(MediaEntry file, long bytes) {
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
  public void retrying(String where, String message, long delayMs) {
    err.printf("retry in %.1f s: %s%n", delayMs / 1000.0, message);
    err.flush();
  }

  /** The catalog's lines (merged, saved, or why not) go to stderr, like the waits. */
  @Override
  public void catalog(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void problem(SourceProblem problem) {
    err.printf("cannot read %s: %s%n", printable(problem.where()), problem.reason());
    err.flush();
  }

  @Override
  public void decided(String where, Plan decision) {
    if (plan == null) {
      return;
    }
    String what =
        switch (decision.outcome()) {
          case PLANNED ->
              decision
                  .route()
                  .map(
                      r ->
                          r.service().id().equals("photos")
                              ? "upload to Google Photos album \""
                                  + r.container()
                                  + "\" as "
                                  + r.remoteName()
                              : "upload to Google Drive folder "
                                  + r.container()
                                  + "/ as "
                                  + r.remoteName())
                  .orElse("upload");
          case DUPLICATE -> "duplicate of " + printable(decision.duplicateOf().orElse("?"));
          case UNCHANGED -> "unchanged (backed up before)";
          case SKIPPED -> "skipped (empty, or its service is not chosen)";
          case WAITING -> "waits for its retry time";
          case LOCKED -> "being uploaded by another wa-uploader process";
          default -> decision.outcome().name().toLowerCase(java.util.Locale.ROOT);
        };
    synchronized (plan) {
      plan.println(printable(where) + ": " + what);
      plan.flush();
    }
  }

  /**
   * A name with control characters shown as a backslash, u and 4 hex digits (one line per file).
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
