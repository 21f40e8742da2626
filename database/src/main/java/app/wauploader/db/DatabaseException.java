package app.wauploader.db;

/**
 * Unchecked failure of the local database: cannot open, corrupt, newer schema than this build, or a
 * SQL error. {@link #getMessage()} is one line a user can act on; the cause keeps the SQL detail.
 */
public class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatabaseException(String message) {
    super(message);
  }
}
