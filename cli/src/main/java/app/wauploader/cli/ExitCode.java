package app.wauploader.cli;

import app.wauploader.core.auth.SignInRequiredException;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.SessionBusyException;
import app.wauploader.core.upload.UnknownSessionException;
import app.wauploader.core.upload.Verdict;
import app.wauploader.db.DatabaseException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Named exit codes, and the one place that maps outcomes and exceptions to them. Listed in every
 * command's {@code --help}.
 */
public enum ExitCode {
  OK(0, "everything eligible is backed up"),
  SOFTWARE(1, "unexpected internal error (please report it)"),
  USAGE(2, "invalid command line"),
  SOME_FAILED(3, "some files failed: see 'wa-uploader errors'"),
  QUOTA_PAUSED(4, "a daily Google quota is used up: resume after the reset"),
  NOT_SIGNED_IN(5, "not signed in, or access expired: 'wa-uploader auth login'"),
  REMOTE_FATAL(
      6, "Google refused to go on (storage full, an API not enabled, a permission not granted)"),
  DATABASE(7, "the local database cannot be opened or is corrupt"),
  INPUT(8, "a source folder or input file is missing or unreadable"),
  LOCKED(9, "another wa-uploader process is running that session or those files"),
  RETRY_LATER(
      10,
      "files wait (a retry time, Google out of reach, no Wi-Fi or charger as asked): run again"
          + " then"),
  TIME_LIMIT(11, "the run's budget (--max-duration, --limit) is used up: run again"),
  NOT_FREED(
      12,
      "free-up: Google could not confirm some files now, or a deletion failed; they were kept:"
          + " run again later"),
  INTERRUPTED(130, "interrupted (Ctrl-C): run again to resume");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit code a finished run earns: {@link #OK} only when every eligible file is in Google. */
  public static ExitCode of(RunSummary summary) {
    return of(summary.verdict());
  }

  /** The exit code of a verdict. */
  public static ExitCode of(Verdict verdict) {
    return switch (verdict) {
      case SIGN_IN_REQUIRED -> NOT_SIGNED_IN;
      case STORAGE_FULL, SETUP_ERROR -> REMOTE_FATAL;
      case INTERNAL_ERROR -> SOFTWARE;
      case STOPPED -> INTERRUPTED;
      case DEADLINE -> TIME_LIMIT;
      case UNREACHABLE, WAITING_TO_RETRY, WAITING_FOR_CONDITIONS -> RETRY_LATER;
      case WAITING_FOR_QUOTA -> QUOTA_PAUSED;
      case SOME_FAILED -> SOME_FAILED;
      case SOURCE_PROBLEMS -> INPUT;
      case BUSY_ELSEWHERE -> LOCKED;
      case DONE -> OK;
    };
  }

  /** The exit code of an exception that escaped a command. */
  public static ExitCode of(Throwable e) {
    if (e instanceof UserError userError) {
      return userError.exitCode();
    }
    if (e instanceof SignInRequiredException) {
      return NOT_SIGNED_IN;
    }
    if (e instanceof DatabaseException) {
      return DATABASE;
    }
    if (e instanceof UnknownSessionException) {
      return USAGE;
    }
    if (e instanceof SessionBusyException) {
      return LOCKED;
    }
    if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
      return INPUT;
    }
    if (e instanceof InterruptedException) {
      return INTERRUPTED;
    }
    if (e instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (e instanceof IOException) {
      return INPUT;
    }
    return SOFTWARE;
  }

  /** The exit code table for {@code --help} footers. */
  public static String[] helpTable() {
    ExitCode[] values = values();
    String[] lines = new String[values.length + 1];
    lines[0] = "%nExit codes:";
    for (int i = 0; i < values.length; i++) {
      lines[i + 1] =
          String.format("  %3d  %-13s %s", values[i].code, values[i].name(), values[i].meaning);
    }
    return lines;
  }
}
