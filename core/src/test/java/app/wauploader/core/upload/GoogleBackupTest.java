package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.PhotosQuota;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.db.Database;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: the sample tree to the emulator through the real Google clients. */
class GoogleBackupTest {
  @TempDir Path dir;

  @Test
  void theSampleTreeLandsOnceInAlbumsAndFoldersAndASecondRunSendsNothing() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<Path> eligible = SampleTree.eligibleFiles(media);
    Set<String> unique = SampleTree.distinctSha256(eligible);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"));
        Database db = Database.open(dir.resolve("wa.db"))) {
      RunSummary first = backup(db, emulator, media);
      assertThat(first.count(Outcome.FAILED)).as(first.toString()).isZero();
      assertThat(first.count(Outcome.UPLOADED)).isEqualTo(unique.size());

      Map<String, Integer> copies = RemoteContents.copies(db, emulator.items());
      assertThat(copies.keySet()).isEqualTo(unique);
      assertThat(copies.values()).containsOnly(1);

      Map<String, String> albumOf = new HashMap<>();
      for (JsonElement a : emulator.albums()) {
        for (JsonElement id : a.getAsJsonObject().getAsJsonArray("mediaItemIds")) {
          albumOf.put(id.getAsString(), a.getAsJsonObject().get("title").getAsString());
        }
      }
      for (JsonElement e : emulator.items()) {
        JsonObject item = e.getAsJsonObject();
        String name = item.get("name").getAsString();
        if (item.get("service").getAsString().equals("photos")) {
          assertThat(name).matches("(IMG|VID)-.*");
          assertThat(albumOf.get(item.get("id").getAsString())).startsWith("WhatsApp ");
        } else {
          assertThat(name).doesNotMatch("IMG-.*\\.jpg");
          assertThat(item.getAsJsonArray("parents")).hasSize(1);
        }
      }
      assertThat(emulator.albums())
          .extracting(a -> a.getAsJsonObject().get("title").getAsString())
          .containsExactlyInAnyOrder("WhatsApp Images", "WhatsApp Video", "WhatsApp Animated Gifs");
      assertThat(emulator.inspector().requests("photos.albums"))
          .as("the app's albums listed once, then each of the three created")
          .isEqualTo(1 + 3);

      // What Google holds: each content once (Photos gets dated copies, a little larger for JPEG).
      long storedBytes = RemoteContents.storedBytes(emulator.items());
      long driveFiles = countService(emulator, "drive");
      long received = emulator.bytesReceived();
      assertThat(received).isBetween(storedBytes, storedBytes + 2048 * driveFiles);

      int itemsBefore = emulator.items().size();
      int albumsBefore = emulator.albums().size();
      RunSummary second = backup(db, emulator, media);
      assertThat(second.bytesSent()).isZero();
      assertThat(emulator.bytesReceived()).isEqualTo(received);
      assertThat(emulator.items()).hasSize(itemsBefore);
      assertThat(emulator.albums()).hasSize(albumsBefore);
      assertThat(second.count(Outcome.UPLOADED) + second.count(Outcome.FAILED)).isZero();
    }
  }

  @Test
  void afterTheLocalDatabaseIsLostDriveFilesAreFoundByTheirHashNotSentAgain() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      try (Database db = Database.open(dir.resolve("first.db"))) {
        backup(db, emulator, media);
      }
      long before = emulator.bytesReceived();
      long driveItems = countService(emulator, "drive");
      long photosBytes = 0;
      for (JsonElement e : emulator.items()) {
        if (e.getAsJsonObject().get("service").getAsString().equals("photos")) {
          photosBytes += e.getAsJsonObject().get("size").getAsLong();
        }
      }
      try (Database fresh = Database.open(dir.resolve("lost-and-new.db"))) {
        // Without the catalog in Drive (see CatalogBackupTest for what it adds).
        RunSummary again =
            TestRuns.backup(
                TestRuns.google(fresh.file(), emulator)
                    .withCatalogs(BackupEnvironment.Catalogs.NONE),
                UploadOptions.defaults(),
                media);
        assertThat(again.count(Outcome.FAILED)).isZero();
      }
      assertThat(countService(emulator, "drive")).isEqualTo(driveItems);
      // Photos cannot be searched by content: only its bytes go again.
      assertThat(emulator.bytesReceived() - before).isEqualTo(photosBytes);
    }
  }

  private static long countService(EmulatorFixture emulator, String service) throws Exception {
    long n = 0;
    for (JsonElement e : emulator.items()) {
      if (e.getAsJsonObject().get("service").getAsString().equals(service)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void aFileWhoseBytesDoNotMatchItsNameIsRoutedByContent() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"));
        Database db = Database.open(dir.resolve("wa.db"))) {
      backup(db, emulator, media.resolve("WhatsApp Documents"));
      String zipSha =
          SampleTree.sha256(media.resolve("WhatsApp Documents/DOC-20231201-WA0009.pdf"));
      JsonObject zip = null;
      for (JsonElement e : emulator.items()) {
        if (e.getAsJsonObject().get("sha256").getAsString().equals(zipSha)) {
          zip = e.getAsJsonObject();
        }
      }
      assertThat(zip).isNotNull();
      assertThat(zip.get("mimeType").getAsString()).isEqualTo("application/zip");
      assertThat(Files.exists(media)).isTrue();
    }
  }

  @Test
  void aPhotoThatFitsOneChunkCostsOneUploadRequest() throws Exception {
    int photos = 120;
    SampleTree.distinctPhotos(dir.resolve("Media/WhatsApp Images"), 0, photos);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"));
        Database db = Database.open(dir.resolve("wa.db"))) {
      RunSummary run = backup(db, emulator, dir.resolve("Media"));
      assertThat(run.count(Outcome.UPLOADED)).isEqualTo(photos);
      int uploads = emulator.inspector().requests("photos.upload");
      int batches = emulator.inspector().requests("photos.batchCreate");
      assertThat(uploads).as("raw protocol: one request per photo").isEqualTo(photos);
      assertThat(batches).isEqualTo((photos + 49) / 50);
      int albums = emulator.inspector().requests("photos.albums");
      int all = uploads + batches + albums + emulator.inspector().requests("photos.mediaItems");
      // One upload per photo, one batchCreate per 50, and for the one album a lookup (an album
      // this app made before the database was lost is found, not made twice) and its creation:
      // 120 + 3 + 2 = 125, 1.042 per photo here, 1.021 for 2,000 photos.
      assertThat(albums).isEqualTo(2);
      assertThat(all).isEqualTo(photos + (photos + 49) / 50 + 2);

      // Every request was counted for today's quota, and status says so.
      PhotosQuota quota =
          new Backups(TestRuns.google(db.file(), emulator)).status(1).orElseThrow().photosQuota();
      assertThat(quota.requestsToday()).isEqualTo(all);
      assertThat(quota.requestsPerItem()).isEqualTo(all / (double) photos);
      assertThat(quota.backlog()).isZero();
      assertThat(quota.backlogDays()).isZero();
    }
  }

  @Test
  void aFullAlbumRollsOverWithNothingFailed() throws Exception {
    SampleTree.distinctPhotos(dir.resolve("Media/WhatsApp Images"), 0, 7);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"));
        Database db = Database.open(dir.resolve("wa.db"))) {
      BackupEnvironment.Targets capacity3 = (d, h) -> GoogleTargets.create(emulator.http(), d, 3);
      UploadOptions oneBatchAtATime = UploadOptions.defaults().withTransfers(1);
      RunSummary run =
          TestRuns.backup(
              TestRuns.env(db.file(), capacity3, Clock.systemUTC()),
              oneBatchAtATime,
              dir.resolve("Media"));
      assertThat(run.count(Outcome.FAILED)).isZero();
      assertThat(run.count(Outcome.UPLOADED)).isEqualTo(7);
      Map<String, Integer> sizes = new HashMap<>();
      for (JsonElement a : emulator.albums()) {
        sizes.put(
            a.getAsJsonObject().get("title").getAsString(),
            a.getAsJsonObject().getAsJsonArray("mediaItemIds").size());
      }
      assertThat(sizes.values()).allMatch(n -> n <= 3);
      assertThat(sizes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
      assertThat(sizes).containsKeys("WhatsApp Images", "WhatsApp Images (2)");
      RunSummary again =
          TestRuns.backup(
              TestRuns.env(db.file(), capacity3, Clock.systemUTC()),
              oneBatchAtATime,
              dir.resolve("Media"));
      assertThat(again.bytesSent()).isZero();
      assertThat(emulator.albums()).hasSize(sizes.size());
    }
  }

  /** One backup run of {@code root} to the emulator with default options. */
  private static RunSummary backup(Database db, EmulatorFixture emulator, Path root)
      throws Exception {
    return TestRuns.backup(TestRuns.google(db.file(), emulator), UploadOptions.defaults(), root);
  }
}
