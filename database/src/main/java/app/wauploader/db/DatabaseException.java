package app.wauploader.db;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Unchecked failure of the local database: cannot open, corrupt, newer schema than this build, full
 * disk, or a SQL error. {@link #getMessage()} is one line a user can act on; the cause keeps the
 * SQL detail.
 */
public class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** SQLite's primary result code {@code SQLITE_FULL}. */
  private static final int SQLITE_FULL = 13;

  private final boolean diskFull;
  private final boolean corrupt;

  public DatabaseException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param corrupt true when the file is damaged or not a database (restoring a backup helps)
   */
  public DatabaseException(String message, Throwable cause, boolean corrupt) {
    super(message, cause);
    this.diskFull = causedByFullDisk(cause);
    this.corrupt = corrupt || (cause instanceof DatabaseException d && d.corrupt);
  }

  public DatabaseException(String message) {
    super(message);
    this.diskFull = false;
    this.corrupt = false;
  }

  /**
   * True if the database file is damaged or not a SQLite database: a front end suggests restoring
   * the newest good backup (the message names no command of any front end).
   */
  public boolean isCorrupt() {
    return corrupt;
  }

  /**
   * True if the failure was a write that found no room: SQLite answered {@code SQLITE_FULL} (the
   * disk is full, or the database reached its {@code max_page_count}) or the operating system
   * answered "No space left on device". Such a failure goes away once space is freed, so callers
   * may stop and tell the user instead of retrying.
   */
  public boolean isDiskFull() {
    return diskFull;
  }

  /** True if {@code failure} or one of its causes is {@code SQLITE_FULL} or ENOSPC. */
  static boolean causedByFullDisk(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof DatabaseException && ((DatabaseException) t).diskFull) {
        return true;
      }
      if (t instanceof SQLException) {
        SQLException e = (SQLException) t;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ((e.getErrorCode() & 0xFF) == SQLITE_FULL || message.contains("[SQLITE_FULL]")) {
          return true;
        }
      }
      if (t instanceof FileSystemException) {
        String reason = ((FileSystemException) t).getReason();
        if (reason != null && reason.contains("No space left on device")) {
          return true;
        }
      }
    }
    return false;
  }
}
