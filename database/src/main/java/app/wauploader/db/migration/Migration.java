package app.wauploader.db.migration;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One numbered schema change. A shipped migration is never renumbered or edited: mistakes are fixed
 * by a new migration with a comment saying what it corrects.
 *
 * <p>{@link #apply} runs inside a transaction opened by {@link MigrationRunner}, which also records
 * the version in {@code schema_migrations}; implementations must not commit.
 */
public interface Migration {
  /** Version number, 1-based, contiguous. */
  int version();

  /** Short human description stored in {@code schema_migrations.description}. */
  String description();

  /** Applies the change on {@code connection} (auto-commit off). */
  void apply(Connection connection) throws SQLException;
}
