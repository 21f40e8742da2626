package app.wauploader.cli;

import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunSummary;
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
  REMOTE_FATAL(6, "Google refused to go on (e.g. storage full)"),
  DATABASE(7, "the local database cannot be opened or is corrupt"),
  INPUT(8, "a source folder or input file is missing or unreadable"),
  LOCKED(9, "another wa-uploader process is running that session"),
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

  /** The exit code a finished run earns. */
  public static ExitCode of(RunSummary summary) {
    if (summary.fatal().isPresent()) {
      return summary.fatal().get().authorization() ? NOT_SIGNED_IN : REMOTE_FATAL;
    }
    if (!summary.pausedServices().isEmpty()) {
      return QUOTA_PAUSED;
    }
    if (summary.count(Outcome.FAILED) > 0) {
      return SOME_FAILED;
    }
    return OK;
  }

  /** The exit code of an exception that escaped a command. */
  public static ExitCode of(Throwable e) {
    if (e instanceof UserError userError) {
      return userError.exitCode();
    }
    if (e instanceof DatabaseException) {
      return DATABASE;
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
