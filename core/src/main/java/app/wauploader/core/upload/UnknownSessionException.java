package app.wauploader.core.upload;

/** The session asked for does not exist. */
public final class UnknownSessionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownSessionException(long id) {
    super("no upload session " + id);
  }
}
