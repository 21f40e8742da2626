package app.wauploader.cli.log;

import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.SourceProblem;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.Plan;
import app.wauploader.core.upload.RunListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's events to the log and passes them on to the progress display: each file's outcome
 * (info; failures warn), retries (info), unreadable sources (warn), plans (debug). Only file
 * places, outcomes and Google's one-line messages: never a request, header or token.
 */
public final class RunLogListener implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger("app.wauploader.run");

  private final RunListener next;

  public RunLogListener(RunListener next) {
    this.next = next;
  }

  @Override
  public void found(MediaEntry file) {
    LOG.debug("found {} ({} bytes, {})", file.key(), file.size(), file.mediaFolder());
    next.found(file);
  }

  @Override
  public void decided(String where, Plan plan) {
    LOG.debug(
        "planned {}: {}{}{}",
        where,
        plan.outcome().name().toLowerCase(java.util.Locale.ROOT),
        plan.route().map(r -> " → " + r).orElse(""),
        plan.duplicateOf().map(d -> " (same content as " + d + ")").orElse(""));
    next.decided(where, plan);
  }

  @Override
  public void planned(MediaEntry file, long bytes) {
    next.planned(file, bytes);
  }

  @Override
  public void sent(long bytes) {
    next.sent(bytes);
  }

  @Override
  public void finished(String where, Outcome outcome) {
    if (outcome == Outcome.FAILED) {
      LOG.warn("{}: failed (see 'wa-uploader errors')", where);
    } else if (outcome == Outcome.UNCHANGED) {
      // A re-run over 100,000 unchanged files is one summary line, not 100,000 (-vv lists them).
      LOG.debug("{}: unchanged", where);
    } else {
      LOG.info("{}: {}", where, outcome.name().toLowerCase(java.util.Locale.ROOT));
    }
    next.finished(where, outcome);
  }

  @Override
  public void filed(String container, int items) {
    LOG.info("filed {} contents already in Google in {}", items, container);
    next.filed(container, items);
  }

  @Override
  public void retrying(String where, String message, long delayMs) {
    LOG.info("{}: {}; retrying in {} ms", where, message, delayMs);
    next.retrying(where, message, delayMs);
  }

  @Override
  public void problem(SourceProblem problem) {
    LOG.warn("cannot read {}: {}", problem.where(), problem.reason());
    next.problem(problem);
  }

  @Override
  public void catalog(String line) {
    LOG.info("catalog: {}", line);
    next.catalog(line);
  }
}
