package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 9 in a real SQLite file: what open transfers send, and requests per quota day. */
class SentCopiesAndRequestsTest {
  private static final String SHA = "a".repeat(64);
  private static final String COPY = "b".repeat(64);

  @TempDir Path dir;

  @Test
  void aTransferKeepsItsDatedCopyUntilItStartsOver() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      long id = insert(db);
      UploadTransfer dated =
          new UploadTransfer(
              524288,
              1234,
              COPY,
              Optional.of(Instant.parse("2023-11-05T11:00:00Z")),
              Optional.of(ZoneOffset.ofHours(1)),
              Optional.of("file_name"));
      db.useTransaction(
          tx -> {
            tx.items().startTransfer(id, "https://upload/1");
            tx.transfers().record(id, dated);
          });
      assertThat(db.<Optional<UploadTransfer>>read(tx -> tx.transfers().find(id))).contains(dated);
      // A new transfer forgets what the old one sent.
      db.useTransaction(tx -> tx.items().startTransfer(id, "https://upload/2"));
      assertThat(db.<Optional<UploadTransfer>>read(tx -> tx.transfers().find(id))).isEmpty();
      db.useTransaction(tx -> tx.transfers().record(id, dated));
      db.useTransaction(tx -> tx.items().resetTransfer(id));
      assertThat(db.<Optional<UploadTransfer>>read(tx -> tx.transfers().find(id))).isEmpty();
    }
  }

  @Test
  void aDateNeedsAllItsPartsAndTheSentHashIsKeptBesideTheLocalOne() {
    assertThatThrownBy(
            () ->
                new UploadTransfer(
                    1, 1, COPY, Optional.of(Instant.EPOCH), Optional.empty(), Optional.of("mtime")))
        .isInstanceOf(IllegalArgumentException.class);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      db.useTransaction(
          tx -> {
            tx.fileHashes()
                .record(
                    SHA,
                    "/a.jpg",
                    "a.jpg",
                    10,
                    "image/jpeg",
                    Service.PHOTOS,
                    "item-1",
                    Optional.empty(),
                    Optional.empty());
            tx.fileHashes().recordSent(SHA, COPY);
            tx.fileHashes().recordSent(SHA, "c".repeat(64)); // the first record wins
          });
      FileHash row = db.<Optional<FileHash>>read(tx -> tx.fileHashes().find(SHA)).orElseThrow();
      assertThat(row.hash()).isEqualTo(SHA);
      assertThat(row.sentSha256()).contains(COPY);
      assertThat(
              db.<Optional<FileHash>>read(
                  tx -> tx.fileHashes().findByUploadId(Service.PHOTOS, "item-1")))
          .contains(row);
      assertThat(
              db.<Optional<FileHash>>read(
                  tx -> tx.fileHashes().findByUploadId(Service.DRIVE, "item-1")))
          .isEmpty();
    }
  }

  @Test
  void requestsAddUpPerServiceAndDay() {
    LocalDate day = LocalDate.of(2026, 12, 1);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      db.useTransaction(
          tx -> {
            tx.apiRequests().add(day, Service.PHOTOS, 40);
            tx.apiRequests().add(day, Service.PHOTOS, 2);
            tx.apiRequests().add(day, Service.DRIVE, 7);
            tx.apiRequests().add(day.minusDays(1), Service.PHOTOS, 100);
          });
      assertThat(db.<Map<Service, Long>>read(tx -> tx.apiRequests().on(day)))
          .isEqualTo(Map.of(Service.PHOTOS, 42L, Service.DRIVE, 7L));
      assertThat(db.<Long>read(tx -> tx.apiRequests().total(Service.PHOTOS))).isEqualTo(142);
      assertThat(db.<Map<Service, Long>>read(tx -> tx.apiRequests().on(day.plusDays(1)))).isEmpty();
    }
  }

  private static long insert(Database db) {
    return db.inTransaction(
        tx -> {
          long session = tx.sessions().start("[]");
          return tx.items()
              .insert(
                  new NewUploadItem(
                      session,
                      "/v.mp4",
                      SHA,
                      1000,
                      1,
                      "video/mp4",
                      Service.PHOTOS,
                      "WhatsApp Video",
                      "v.mp4",
                      ItemState.PENDING));
        });
  }
}
