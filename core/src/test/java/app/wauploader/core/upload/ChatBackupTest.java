package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.Chats;
import app.wauploader.core.chat.ChatImport;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.TestZips;
import app.wauploader.core.source.ZipArchiveSource;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.db.ChatProgress;
import app.wauploader.db.Database;
import app.wauploader.db.UploadSession;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chats end to end, against the emulator through the real Google clients: an Android export (its
 * media in the media folders) and an iOS export ZIP with media, over the sample tree.
 */
class ChatBackupTest {
  private static final String FAMILY_PHOTO = "WhatsApp Images/IMG-20231105-WA0012.jpg";
  private static final String FAMILY_DOC = "WhatsApp Documents/DOC-20231010-WA0003.pdf";
  private static final String TRIP_ONLY = "WhatsApp Images/IMG-20240214-WA0003.jpg";

  @TempDir Path dir;
  private Path media;
  private Path family;
  private Path trip;

  @BeforeEach
  void exports() throws Exception {
    media = SampleTree.copyTo(dir);
    family = dir.resolve("WhatsApp Chat with Family.txt");
    Files.writeString(
        family,
        String.join(
            "\n",
            "05/11/2023, 12:00 - Messages and calls are end-to-end encrypted.",
            "05/11/2023, 12:01 - Mum: IMG-20231105-WA0012.jpg (file attached)",
            "the cake for Sunday",
            "24/12/2023, 18:30 - Dad: IMG-20231224-WA0001.jpg (file attached)",
            "24/12/2023, 18:31 - Dad: DOC-20231010-WA0003.pdf (file attached)",
            "25/12/2023, 09:00 - Mum: IMG-20231225-WA0099.jpg (file attached)",
            "25/12/2023, 09:01 - Mum: Merry Christmas!",
            ""),
        StandardCharsets.UTF_8);
    trip = dir.resolve("WhatsApp Chat - Trip.zip");
    try (TestZips zip = TestZips.create(trip)) {
      zip.deflated(
          "_chat.txt",
          String.join(
                  "\r\n",
                  "[05/11/2023, 12:05:00] Trip: \u200eMessages and calls are end-to-end"
                      + " encrypted.",
                  "[05/11/2023, 12:06:10] Anna: \u200e<attached:"
                      + " 00000001-PHOTO-2023-11-05-12-06-10.jpg>",
                  "[14/02/2024, 10:00:00] Ben: \u200e<attached:"
                      + " 00000002-PHOTO-2024-02-14-10-00-00.jpg>",
                  "[14/02/2024, 10:01:00] Ben: what a view",
                  "")
              .getBytes(StandardCharsets.UTF_8));
      zip.stored(
          "00000001-PHOTO-2023-11-05-12-06-10.jpg",
          Files.readAllBytes(media.resolve(FAMILY_PHOTO)));
      zip.stored(
          "00000002-PHOTO-2024-02-14-10-00-00.jpg", Files.readAllBytes(media.resolve(TRIP_ONLY)));
    }
  }

  @Test
  void eachChatsMediaLandInItsAlbumOrFolderSharedBytesOnceAndARerunSendsNothing() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = env(emulator);
      List<Chats.Result> imported =
          chats(env)
              .importExports(
                  List.of(family, trip),
                  Optional.empty(),
                  List.of(new LocalFileSource(List.of(media))));
      ChatImport familyImport = ((Chats.Imported) imported.get(0)).chat();
      ChatImport tripImport = ((Chats.Imported) imported.get(1)).chat();
      assertThat(familyImport.chat()).isEqualTo("Family");
      assertThat(familyImport.messages()).isEqualTo(5);
      assertThat(familyImport.attachments()).isEqualTo(4);
      assertThat(familyImport.inFolders()).isEqualTo(3);
      assertThat(familyImport.missing()).isEqualTo(1);
      assertThat(tripImport.chat()).isEqualTo("Trip");
      assertThat(tripImport.insideExport()).isEqualTo(2);

      RunSummary first = backup(env, Optional.empty());
      assertThat(first.count(Outcome.FAILED)).as(first.toString()).isZero();
      assertThat(RemoteContents.copies(env.database(), emulator.items()).values())
          .as("every content once")
          .containsOnly(1);

      JsonObject shared = item(env, emulator, SampleTree.sha256(media.resolve(FAMILY_PHOTO)));
      assertThat(albumTitles(emulator, shared))
          .containsExactlyInAnyOrder("WhatsApp · Family", "WhatsApp · Trip");
      assertThat(shared.get("description").getAsString())
          .startsWith("Family · Mum · 2023-11-05 12:01")
          .contains("the cake for Sunday");
      JsonObject christmas =
          item(
              env,
              emulator,
              SampleTree.sha256(media.resolve("WhatsApp Images/IMG-20231224-WA0001.jpg")));
      assertThat(albumTitles(emulator, christmas)).containsExactly("WhatsApp · Family");
      JsonObject view = item(env, emulator, SampleTree.sha256(media.resolve(TRIP_ONLY)));
      assertThat(albumTitles(emulator, view)).containsExactly("WhatsApp · Trip");
      JsonObject ofNoChat =
          item(
              env,
              emulator,
              SampleTree.sha256(media.resolve("WhatsApp Images/IMG-20240101-WA0007.png")));
      assertThat(albumTitles(emulator, ofNoChat)).containsExactly("WhatsApp Images");
      assertThat(ofNoChat.has("description")).isFalse();
      JsonObject doc = item(env, emulator, SampleTree.sha256(media.resolve(FAMILY_DOC)));
      assertThat(folderPath(emulator, doc.getAsJsonArray("parents").get(0).getAsString()))
          .isEqualTo("WhatsApp/Chats/Family");
      JsonObject other =
          item(
              env,
              emulator,
              SampleTree.sha256(media.resolve("WhatsApp Video/VID-20231224-WA0002.mp4")));
      assertThat(albumTitles(emulator, other)).containsExactly("WhatsApp Video");

      long itemsBefore = emulator.items().size();
      long bytesBefore = emulator.bytesReceived();
      RunSummary second = backup(env, Optional.empty());
      assertThat(second.bytesSent()).isZero();
      assertThat(second.filed()).isZero();
      assertThat(emulator.bytesReceived()).isEqualTo(bytesBefore);
      assertThat(emulator.items()).hasSize((int) itemsBefore);
      assertThat(emulator.inspector().shortcuts()).isEmpty();
      assertThat(second.verdict()).isEqualTo(Verdict.DONE);

      List<ChatProgress> progress = chats(env).progress();
      assertThat(progress).extracting(p -> p.chat().name()).containsExactly("Family", "Trip");
      assertThat(progress.get(0).backedUp()).isEqualTo(3);
      assertThat(progress.get(0).placed()).isEqualTo(3);
      assertThat(progress.get(1).backedUp()).isEqualTo(2);
    }
  }

  @Test
  void importingAChatAfterItsMediaWereUploadedFilesThemWithoutSendingAByte() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = env(emulator);
      backup(env, Optional.empty());
      long bytes = emulator.bytesReceived();
      int items = emulator.items().size();
      chats(env).importExports(List.of(family), Optional.empty(), List.of());

      RunSummary run = backup(env, Optional.empty());
      assertThat(run.bytesSent()).isZero();
      assertThat(emulator.bytesReceived()).isEqualTo(bytes);
      assertThat(emulator.items()).hasSize(items);
      assertThat(run.filed()).isEqualTo(3);
      JsonObject photo = item(env, emulator, SampleTree.sha256(media.resolve(FAMILY_PHOTO)));
      assertThat(albumTitles(emulator, photo))
          .containsExactlyInAnyOrder("WhatsApp Images", "WhatsApp · Family");
      JsonObject doc = item(env, emulator, SampleTree.sha256(media.resolve(FAMILY_DOC)));
      List<JsonObject> shortcuts = new ArrayList<>();
      emulator.inspector().shortcuts().forEach(s -> shortcuts.add(s.getAsJsonObject()));
      assertThat(shortcuts).hasSize(1);
      assertThat(shortcuts.get(0).getAsJsonObject("shortcutDetails").get("targetId").getAsString())
          .isEqualTo(doc.get("id").getAsString());
      assertThat(
              folderPath(emulator, shortcuts.get(0).getAsJsonArray("parents").get(0).getAsString()))
          .isEqualTo("WhatsApp/Chats/Family");

      RunSummary again = backup(env, Optional.empty());
      assertThat(again.filed()).isZero();
      assertThat(emulator.inspector().shortcuts()).hasSize(1);
    }
  }

  @Test
  void aBatchRefusedOnceIsFiledItemByItem() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = backedUpThenFamilyImported(emulator);
      emulator
          .inspector()
          .addFaults(
              "[{\"route\":\"photos.albums\",\"times\":1,\"action\":\"status\","
                  + "\"status\":400,\"message\":\"Request contains an invalid media item id.\"}]");

      RunSummary run = backup(env, Optional.empty());
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(run.bytesSent()).isZero();
      for (String photo : List.of(FAMILY_PHOTO, "WhatsApp Images/IMG-20231224-WA0001.jpg")) {
        assertThat(
                albumTitles(emulator, item(env, emulator, SampleTree.sha256(media.resolve(photo)))))
            .containsExactlyInAnyOrder("WhatsApp Images", "WhatsApp · Family");
      }
    }
  }

  @Test
  void aMediaItemGoneFromPhotosFailsAloneTheOthersAreFiledAndItIsTriedAgain() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = backedUpThenFamilyImported(emulator);
      String gone = SampleTree.sha256(media.resolve("WhatsApp Images/IMG-20231224-WA0001.jpg"));
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection("jdbc:sqlite:" + env.database());
          java.sql.PreparedStatement update =
              c.prepareStatement(
                  "UPDATE file_hashes SET upload_id = 'deleted-by-the-user' WHERE hash = ?")) {
        update.setString(1, gone);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }

      RunSummary run = backup(env, Optional.empty());
      assertThat(run.verdict()).isEqualTo(Verdict.SOME_FAILED);
      assertThat(run.count(Outcome.FAILED)).isEqualTo(1);
      assertThat(new Backups(env).errors(10, Optional.empty()))
          .anySatisfy(
              e ->
                  assertThat(e.errorMessage())
                      .contains("cannot file it in its chat")
                      .contains("invalid media item id"));
      assertThat(
              albumTitles(
                  emulator, item(env, emulator, SampleTree.sha256(media.resolve(FAMILY_PHOTO)))))
          .containsExactlyInAnyOrder("WhatsApp Images", "WhatsApp · Family");

      RunSummary again = backup(env, Optional.empty());
      assertThat(again.verdict()).as("never done while not filed").isEqualTo(Verdict.SOME_FAILED);
      assertThat(again.filed()).isZero();
    }
  }

  @Test
  void aDriveFileFoundByItsContentAfterTheDatabaseWasLostIsFiledInItsChat() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      backup(env(emulator), Optional.empty());
      Files.delete(dir.resolve("wa.db"));
      BackupEnvironment env = env(emulator);
      chats(env).importExports(List.of(family), Optional.empty(), List.of());

      RunSummary run = backup(env, Optional.empty());
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      JsonObject doc = item(env, emulator, SampleTree.sha256(media.resolve(FAMILY_DOC)));
      assertThat(folderPath(emulator, doc.getAsJsonArray("parents").get(0).getAsString()))
          .as("found where it was first stored")
          .isEqualTo("WhatsApp/WhatsApp Documents");
      List<String> shortcutFolders = new ArrayList<>();
      for (JsonElement e : emulator.inspector().shortcuts()) {
        JsonObject shortcut = e.getAsJsonObject();
        assertThat(shortcut.getAsJsonObject("shortcutDetails").get("targetId").getAsString())
            .isEqualTo(doc.get("id").getAsString());
        shortcutFolders.add(
            folderPath(emulator, shortcut.getAsJsonArray("parents").get(0).getAsString()));
      }
      assertThat(shortcutFolders).containsExactly("WhatsApp/Chats/Family");
      ChatProgress family = chats(env).progress().get(0);
      assertThat(family.placed()).isEqualTo(family.backedUp());
    }
  }

  @Test
  void aDailyQuotaWhileFilingPausesPhotosAfterOneCall() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = backedUpThenFamilyImported(emulator);
      emulator
          .inspector()
          .addFaults(
              "[{\"route\":\"photos.albums\",\"times\":50,\"action\":\"status\","
                  + "\"status\":429,\"message\":\"Quota exceeded for quota metric 'All"
                  + " requests' and limit 'All requests per day'\"}]");
      int before = emulator.inspector().requests("photos.albums");

      RunSummary run = backup(env, Optional.empty());
      assertThat(run.verdict()).isEqualTo(Verdict.WAITING_FOR_QUOTA);
      assertThat(emulator.inspector().requests("photos.albums") - before).isEqualTo(1);
      assertThat(run.waits()).anySatisfy(w -> assertThat(w.isQuota()).isTrue());
    }
  }

  @Test
  void aChatRunBacksUpOnlyThatChatsMediaInASessionOfThatChat() throws Exception {
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = env(emulator);
      List<Chats.Result> imported =
          chats(env).importExports(List.of(family), Optional.empty(), List.of());
      String familyId = ((Chats.Imported) imported.get(0)).chat().chatId();
      RunSummary run = backup(env, Optional.of(familyId));
      assertThat(run.count(Outcome.UPLOADED)).isEqualTo(3);
      assertThat(emulator.items()).hasSize(3);
      try (Database db = Database.open(env.database())) {
        UploadSession session = db.<List<UploadSession>>read(tx -> tx.sessions().latest(1)).get(0);
        assertThat(session.chatId()).contains(familyId);
        assertThat(session.chatName()).contains("Family");
        assertThat(session.lastProcessedFile()).isPresent();
        assertThat(session.lastUpdate()).isPresent();
      }
    }
  }

  /** The sample tree backed up with no chat known, then the Family export imported. */
  private BackupEnvironment backedUpThenFamilyImported(EmulatorFixture emulator) throws Exception {
    BackupEnvironment env = env(emulator);
    backup(env, Optional.empty());
    chats(env).importExports(List.of(family), Optional.empty(), List.of());
    return env;
  }

  private BackupEnvironment env(EmulatorFixture emulator) {
    return TestRuns.google(dir.resolve("wa.db"), emulator);
  }

  private static Chats chats(BackupEnvironment env) {
    return new Chats(env, Locale.UK, ZoneOffset.UTC);
  }

  private RunSummary backup(BackupEnvironment env, Optional<String> chat) throws Exception {
    List<MediaSource> sources =
        List.of(new LocalFileSource(List.of(media)), new ZipArchiveSource(trip));
    return new Backups(env)
        .backup(
            sources,
            UploadOptions.defaults().withChat(chat),
            RunControl.create(),
            RunListener.NONE);
  }

  private static JsonObject item(BackupEnvironment env, EmulatorFixture emulator, String sha256)
      throws Exception {
    return RemoteContents.withContent(env.database(), emulator.items(), sha256);
  }

  private static List<String> albumTitles(EmulatorFixture emulator, JsonObject item)
      throws Exception {
    Map<String, String> titles = new HashMap<>();
    for (JsonElement a : emulator.albums()) {
      titles.put(
          a.getAsJsonObject().get("id").getAsString(),
          a.getAsJsonObject().get("title").getAsString());
    }
    List<String> result = new ArrayList<>();
    for (JsonElement id : item.getAsJsonArray("albumIds")) {
      result.add(titles.get(id.getAsString()));
    }
    return result;
  }

  private static String folderPath(EmulatorFixture emulator, String folderId) throws Exception {
    Map<String, JsonObject> folders = new HashMap<>();
    for (JsonElement f : emulator.inspector().folders()) {
      folders.put(f.getAsJsonObject().get("id").getAsString(), f.getAsJsonObject());
    }
    StringBuilder path = new StringBuilder();
    for (JsonObject f = folders.get(folderId); f != null; ) {
      path.insert(
          0, path.length() == 0 ? f.get("name").getAsString() : f.get("name").getAsString() + "/");
      JsonElement parents = f.get("parents");
      f =
          parents == null || parents.getAsJsonArray().isEmpty()
              ? null
              : folders.get(parents.getAsJsonArray().get(0).getAsString());
    }
    return path.toString();
  }
}
