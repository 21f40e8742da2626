package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change to what the catalog holds raises its generation; run bookkeeping does not. */
class CatalogGenerationTest {
  @TempDir Path dir;

  @Test
  void catalogTablesRaiseItRunTablesDoNot() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long start = generation(db);
      db.useTransaction(tx -> tx.sessions().start("[]"));
      db.useTransaction(
          tx -> tx.apiRequests().add(java.time.LocalDate.of(2026, 12, 1), Service.PHOTOS, 3));
      assertThat(generation(db))
          .as("sessions and request counts are not the catalog")
          .isEqualTo(start);
      db.useTransaction(
          tx ->
              tx.fileHashes()
                  .record(
                      "a".repeat(64),
                      "/p/IMG-1.jpg",
                      "IMG-1.jpg",
                      10,
                      "image/jpeg",
                      Service.PHOTOS,
                      "remote-1",
                      Optional.empty(),
                      Optional.empty()));
      long afterContent = generation(db);
      assertThat(afterContent).isGreaterThan(start);
      db.useTransaction(tx -> tx.fileHashes().recordSent("a".repeat(64), "b".repeat(64)));
      assertThat(generation(db)).as("an update").isGreaterThan(afterContent);
      long beforeConfig = generation(db);
      db.useTransaction(tx -> tx.config().put("k", "{}"));
      assertThat(generation(db)).as("settings").isGreaterThan(beforeConfig);
      long beforeSelf = generation(db);
      db.useTransaction(
          tx -> {
            tx.catalogDevices().createSelf("device-1", "pixel-7");
            tx.catalogDevices().savedGeneration(beforeSelf);
          });
      assertThat(generation(db)).as("the device row is bookkeeping").isEqualTo(beforeSelf);
      assertThat(db.<Optional<Long>>read(tx -> tx.catalogDevices().savedGeneration()))
          .contains(beforeSelf);
    }
  }

  private static long generation(Database db) {
    return db.read(tx -> tx.catalogDevices().generation());
  }
}
