package app.wauploader.db.migration;

/**
 * An album holds at most 20,000 media items
 * (https://developers.google.com/photos/library/guides/manage-albums), and past that every add
 * fails: {@code remote_containers.item_count} counts what this app put into each album, so a full
 * album rolls over to "<title> (2)" before Google refuses. Existing albums are counted from the
 * committed items that went into them (an album of a chat also from the contents filed in it).
 */
final class V008AlbumCounts extends SqlMigration {
  @Override
  public int version() {
    return 8;
  }

  @Override
  public String description() {
    return "remote_containers.item_count: media items this app put in each album";
  }

  @Override
  String sql() {
    return """
        ALTER TABLE remote_containers ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0
          CHECK (item_count >= 0);
        UPDATE remote_containers SET item_count =
          (SELECT count(*) FROM upload_items i WHERE i.service = 'photos' AND i.state = 'committed'
             AND i.container = remote_containers.name)
          WHERE service = 'photos'
        """;
  }
}
