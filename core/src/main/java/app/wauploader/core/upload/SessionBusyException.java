package app.wauploader.core.upload;

/** The session asked for is being run by another live wa-uploader process. */
public final class SessionBusyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  SessionBusyException(long id, String owner) {
    super("session " + id + " is being run by another wa-uploader process (" + owner + ")");
  }
}
