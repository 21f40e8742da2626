package app.wauploader.core.catalog;

import static app.wauploader.core.catalog.CatalogFixtures.catalog;
import static app.wauploader.core.catalog.CatalogFixtures.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.db.CatalogDeviceRepository;
import app.wauploader.db.CatalogRepository;
import app.wauploader.db.CatalogRepository.Container;
import app.wauploader.db.CatalogRepository.Content;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge rules, one conflict kind each, on real SQLite files. */
class CatalogMergeTest {
  @TempDir Path dir;

  private static CatalogMerge.Result merge(Database db, Catalog other) {
    return db.inTransaction(tx -> CatalogMerge.merge(tx, other));
  }

  private static Catalog exported(Database db) {
    return db.read(tx -> CatalogMerge.export(tx, "me", "me", 1, Instant.EPOCH));
  }

  @Test
  void unknownContentsContainersAndChatsAreAddedAndKnownOnesKept() {
    Content ours = content("ours", Service.PHOTOS, "P-ours", 10);
    Content theirs = content("theirs", Service.DRIVE, "D-theirs", 20);
    Container album = new Container(Service.PHOTOS, "WhatsApp Images", "A1", 5, 3);
    try (Database db = CatalogFixtures.database(dir.resolve("a.db"), List.of(ours), List.of())) {
      Catalog other =
          new Catalog(
              1,
              "pixel-id",
              "pixel-7",
              4,
              Instant.parse("2026-11-30T18:02:11Z"),
              List.of(ours, theirs),
              List.of(album),
              List.of(
                  new CatalogRepository.Chat(
                      "chat-1",
                      "Family",
                      "android",
                      "x.txt",
                      Optional.empty(),
                      Optional.empty(),
                      7,
                      1)),
              List.of(
                  new CatalogRepository.ChatLink(
                      theirs.sha256(), "chat-1", 3, Optional.of("F1"), Optional.of(4L))),
              Map.of("language", "\"de\""));
      CatalogMerge.Result result = merge(db, other);
      assertThat(result.addedContents()).isEqualTo(1);
      assertThat(result.addedContainers()).isEqualTo(1);
      assertThat(result.addedChats()).isEqualTo(1);
      assertThat(result.conflicts()).isEmpty();
      Catalog now = exported(db);
      assertThat(now.contents()).extracting(Content::remoteId).contains("P-ours", "D-theirs");
      assertThat(now.containers()).containsExactly(album);
      assertThat(now.chats()).extracting(CatalogRepository.Chat::name).containsExactly("Family");
      assertThat(now.chatLinks()).hasSize(1);
      assertThat(now.settings()).containsEntry("language", "\"de\"");
      assertThat(db.read(tx -> tx.fileHashes().find(theirs.sha256())).orElseThrow().filePath())
          .isEqualTo("catalog:pixel-7/" + theirs.fileName());
    }
  }

  @Test
  void sameContentUnderTwoIdsKeepsTheEarlierUploadOnBothDevicesAndReportsTheOther() {
    Content early = content("same", Service.PHOTOS, "P-early", 100);
    Content late = content("same", Service.PHOTOS, "P-late", 200);
    try (Database a = CatalogFixtures.database(dir.resolve("a.db"), List.of(late), List.of());
        Database b = CatalogFixtures.database(dir.resolve("b.db"), List.of(early), List.of())) {
      CatalogMerge.Result onA = merge(a, catalog("b", 1, List.of(early), List.of()));
      CatalogMerge.Result onB = merge(b, catalog("a", 1, List.of(late), List.of()));
      assertThat(exported(a).contents()).extracting(Content::remoteId).containsExactly("P-early");
      assertThat(exported(b).contents()).extracting(Content::remoteId).containsExactly("P-early");
      assertThat(onA.conflicts()).singleElement().satisfies(c -> assertConflict(c, "P-late"));
      assertThat(onB.conflicts()).singleElement().satisfies(c -> assertConflict(c, "P-late"));
    }
  }

  private static void assertConflict(CatalogDeviceRepository.Conflict c, String other) {
    assertThat(c.kind()).isEqualTo("content");
    assertThat(c.keptId()).isEqualTo("P-early");
    assertThat(c.otherId()).isEqualTo(other);
  }

  @Test
  void sameAlbumTitleUnderTwoIdsIsOneAlbumOnBothDevices() {
    Container older = new Container(Service.PHOTOS, "WhatsApp Images", "A-older", 100, 40);
    Container newer = new Container(Service.PHOTOS, "WhatsApp Images", "A-newer", 200, 2);
    try (Database a = CatalogFixtures.database(dir.resolve("a.db"), List.of(), List.of(newer));
        Database b = CatalogFixtures.database(dir.resolve("b.db"), List.of(), List.of(older))) {
      CatalogMerge.Result onA = merge(a, catalog("b", 1, List.of(), List.of(older)));
      merge(b, catalog("a", 1, List.of(), List.of(newer)));
      assertThat(exported(a).containers()).containsExactly(older);
      assertThat(exported(b).containers()).containsExactly(older);
      assertThat(onA.conflicts())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.kind()).isEqualTo("container");
                assertThat(c.key()).isEqualTo("WhatsApp Images");
                assertThat(c.keptId()).isEqualTo("A-older");
                assertThat(c.otherId()).isEqualTo("A-newer");
              });
      Optional<String> used = a.read(tx -> tx.containers().find(Service.PHOTOS, "WhatsApp Images"));
      assertThat(used).contains("A-older");
    }
  }

  @Test
  void theSameAlbumCountsTheLargerNumberOfItems() {
    Container ours = new Container(Service.PHOTOS, "WhatsApp Video", "V", 1, 5);
    try (Database db = CatalogFixtures.database(dir.resolve("a.db"), List.of(), List.of(ours))) {
      merge(
          db,
          catalog(
              "b",
              1,
              List.of(),
              List.of(new Container(Service.PHOTOS, "WhatsApp Video", "V", 1, 9))));
      long count = db.read(tx -> tx.containers().itemCount(Service.PHOTOS, "WhatsApp Video"));
      assertThat(count).isEqualTo(9);
    }
  }

  @Test
  void mergingTheSameCatalogTwiceChangesNothing() {
    Content early = content("same", Service.PHOTOS, "P-early", 100);
    Content late = content("same", Service.PHOTOS, "P-late", 200);
    Content extra = content("extra", Service.DRIVE, "D", 300);
    Container newer = new Container(Service.PHOTOS, "WhatsApp Images", "A-newer", 200, 2);
    Container older = new Container(Service.PHOTOS, "WhatsApp Images", "A-older", 100, 1);
    try (Database db =
        CatalogFixtures.database(dir.resolve("a.db"), List.of(late), List.of(newer))) {
      Catalog other = catalog("b", 1, List.of(early, extra), List.of(older));
      CatalogMerge.Result first = merge(db, other);
      Catalog after = exported(db);
      int conflicts = db.read(tx -> tx.catalogDevices().conflicts().size());
      CatalogMerge.Result second = merge(db, other);
      assertThat(first.conflicts()).hasSize(2);
      assertThat(second.addedContents()).isZero();
      assertThat(second.addedContainers()).isZero();
      assertThat(second.conflicts()).isEmpty();
      assertThat(exported(db)).isEqualTo(after);
      int again = db.read(tx -> tx.catalogDevices().conflicts().size());
      assertThat(again).isEqualTo(conflicts);
    }
  }

  @Test
  void aCatalogOfANewerFormatIsRefusedAndNothingChanges() {
    try (Database db = CatalogFixtures.database(dir.resolve("a.db"), List.of(), List.of())) {
      Catalog newer =
          new Catalog(
              2,
              "x",
              "tablet",
              1,
              Instant.EPOCH,
              List.of(content("c", Service.PHOTOS, "P", 1)),
              List.of(),
              List.of(),
              List.of(),
              Map.of());
      assertThatThrownBy(() -> CatalogMerge.accept(newer))
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("format 2")
          .hasMessageContaining("update wa-uploader");
      assertThatThrownBy(() -> merge(db, newer)).isInstanceOf(IllegalArgumentException.class);
      assertThat(exported(db).contents()).isEmpty();
    }
  }
}
