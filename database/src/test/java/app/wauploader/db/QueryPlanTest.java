package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-file queries of planning search an index, so their cost does not grow with the number of
 * items (a first backup of 100,000 files stays linear).
 */
class QueryPlanTest {
  @TempDir Path dir;

  @Test
  void theNameCheckAndTheDedupLookupSearchAnIndex() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      List<String> name =
          db.read(
              tx ->
                  tx.query(
                      "EXPLAIN QUERY PLAN SELECT count(*) FROM upload_items WHERE service = ?"
                          + " AND container = ? AND remote_name = ? AND sha256 <> ?"
                          + " AND source_key <> ? AND state IN ('pending', 'committed')",
                      rs -> rs.getString("detail"),
                      "drive",
                      "WhatsApp/WhatsApp Voice Notes",
                      "PTT-1.opus",
                      "a",
                      "k"));
      assertThat(name).anyMatch(d -> d.contains("USING INDEX idx_upload_items_name"));
      List<String> hash =
          db.read(
              tx ->
                  tx.query(
                      "EXPLAIN QUERY PLAN SELECT * FROM file_hashes WHERE hash = ?",
                      rs -> rs.getString("detail"),
                      "a"));
      assertThat(hash).allMatch(d -> d.startsWith("SEARCH"));
    }
  }
}
