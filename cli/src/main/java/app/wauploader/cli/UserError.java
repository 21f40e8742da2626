package app.wauploader.cli;

/** A failure the user can fix, with its exit code; printed as one line without a stack trace. */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ExitCode exitCode;

  public UserError(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
