package app.wauploader.db.migration;

/**
 * An index for the planner's name check (issue 13): is a remote name in a folder already claimed by
 * other content ({@code UploadItemRepository.nameTaken})? Without it SQLite used the state index
 * and read every committed item for every new file — a first backup of 100,000 files grew slower
 * with each file (4 ms a file at 28,000, measured) instead of staying flat.
 */
final class V013ItemNames extends SqlMigration {
  @Override
  public int version() {
    return 13;
  }

  @Override
  public String description() {
    return "index upload_items (service, container, remote_name) for the name check";
  }

  @Override
  String sql() {
    return """
        CREATE INDEX idx_upload_items_name ON upload_items (service, container, remote_name)
        """;
  }
}
