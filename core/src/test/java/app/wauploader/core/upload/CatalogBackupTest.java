package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.catalog.CatalogSync;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.db.Database;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog in the user's Drive (issue 14), end to end: the sample tree to the emulator through
 * the real Google clients, real SQLite files, the catalog in Drive's appDataFolder.
 */
class CatalogBackupTest {
  @TempDir Path dir;

  /** Collects the catalog's lines of a run. */
  static final class Lines implements RunListener {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void catalog(String line) {
      lines.add(line);
    }
  }

  private static BackupEnvironment phone(Path db, EmulatorFixture emulator, String name) {
    return TestRuns.google(db, emulator).withDeviceName(name);
  }

  private static RunSummary backup(BackupEnvironment env, Lines lines, Path... roots)
      throws Exception {
    return new Backups(env)
        .backup(
            List.of(new LocalFileSource(List.of(roots))),
            UploadOptions.defaults(),
            RunControl.create(),
            lines);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private record Remote(int items, int albums, int folders, long bytes) {}

  private static Remote remote(EmulatorFixture emulator) throws IOException {
    return new Remote(
        emulator.items().size(),
        emulator.albums().size(),
        emulator.inspector().folders().size(),
        emulator.bytesReceived());
  }

  @Test
  void afterLosingTheDatabaseARestoreFromGoogleMeansTheNextRunSendsNothing() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Set<String> unique = SampleTree.distinctSha256(SampleTree.eligibleFiles(media));
    Path db = dir.resolve("phone/wa.db");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      Lines lines = new Lines();
      RunSummary first = backup(phone(db, emulator, "pixel-7"), lines, media);
      assertThat(first.verdict()).as(first.toString()).isEqualTo(Verdict.DONE);
      assertThat(lines.lines).singleElement().asString().startsWith("saved the catalog");
      JsonArray catalogs = emulator.inspector().appDataItems();
      assertThat(catalogs).hasSize(1);
      assertThat(catalogs.get(0).getAsJsonObject().get("space").getAsString())
          .isEqualTo("appDataFolder");
      assertThat(emulator.items().toString()).doesNotContain("catalog-");
      Remote before = remote(emulator);

      deleteTree(dir.resolve("phone"));
      BackupEnvironment newPhone = phone(db, emulator, "pixel-8");
      CatalogSync.Merged restored = new Backups(newPhone).restoreFromGoogle();
      assertThat(restored.notes()).isEmpty();
      assertThat(restored.merged())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.deviceName()).isEqualTo("pixel-7");
                assertThat(r.contents()).isEqualTo(unique.size());
                assertThat(r.addedContents()).isEqualTo(unique.size());
              });

      Lines again = new Lines();
      RunSummary second = backup(newPhone, again, media);
      assertThat(second.verdict()).as(second.toString()).isEqualTo(Verdict.DONE);
      assertThat(second.bytesSent()).isZero();
      assertThat(second.count(Outcome.UPLOADED)).isZero();
      assertThat(remote(emulator)).isEqualTo(before);
    }
  }

  @Test
  void anUploadOnAnEmptyDatabaseMergesEveryCatalogFirstAndSendsNothing() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      backup(phone(dir.resolve("old/wa.db"), emulator, "pixel-7"), new Lines(), media);
      Remote before = remote(emulator);
      deleteTree(dir.resolve("old"));

      Lines lines = new Lines();
      RunSummary run = backup(phone(dir.resolve("new/wa.db"), emulator, "pixel-8"), lines, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(run.bytesSent()).isZero();
      assertThat(lines.lines.get(0)).startsWith("merged the catalog saved by pixel-7 on ");
      assertThat(remote(emulator)).isEqualTo(before);
    }
  }

  @Test
  void twoPhonesOnOneAccountStoreEachContentOnceAndShareAlbumsAndFolders() throws Exception {
    Path a = SampleTree.copyTo(dir.resolve("a"));
    Path b = SampleTree.copyTo(dir.resolve("b"));
    deleteTree(a.resolve("WhatsApp Video"));
    deleteTree(b.resolve("WhatsApp Documents"));
    Set<String> onA = SampleTree.distinctSha256(SampleTree.eligibleFiles(a));
    Set<String> onB = SampleTree.distinctSha256(SampleTree.eligibleFiles(b));
    Set<String> onlyB = new HashSet<>(onB);
    onlyB.removeAll(onA);
    Set<String> all = new HashSet<>(onA);
    all.addAll(onB);
    assertThat(onlyB).isNotEmpty();
    assertThat(onA.size() + onlyB.size()).isLessThan(onA.size() + onB.size());

    Path dbA = dir.resolve("phone-a.db");
    Path dbB = dir.resolve("phone-b.db");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      RunSummary first = backup(phone(dbA, emulator, "pixel-7"), new Lines(), a);
      assertThat(first.count(Outcome.UPLOADED)).isEqualTo(onA.size());

      Lines linesB = new Lines();
      RunSummary second = backup(phone(dbB, emulator, "galaxy-s23"), linesB, b);
      assertThat(second.verdict()).as(second.toString()).isEqualTo(Verdict.DONE);
      assertThat(second.count(Outcome.UPLOADED))
          .as("the second phone sends only what the first did not")
          .isEqualTo(onlyB.size());
      assertThat(linesB.lines.get(0)).startsWith("merged the catalog saved by pixel-7");

      Map<String, Integer> copies = RemoteContents.copies(dbB, emulator.items());
      assertThat(copies.keySet()).isEqualTo(all);
      assertThat(copies.values()).containsOnly(1);
      assertThat(titles(emulator.albums(), "title")).doesNotHaveDuplicates();
      assertThat(titles(emulator.inspector().folders(), "name")).doesNotHaveDuplicates();

      // The first phone merges the second's catalog: a re-run sends nothing, and both are listed.
      long received = emulator.bytesReceived();
      RunSummary third = backup(phone(dbA, emulator, "pixel-7"), new Lines(), a);
      assertThat(third.bytesSent()).isZero();
      assertThat(emulator.bytesReceived()).isEqualTo(received);
      CatalogSync.Devices devices = new Backups(phone(dbA, emulator, "pixel-7")).devices();
      assertThat(devices.notes()).isEmpty();
      assertThat(devices.devices())
          .extracting(CatalogSync.SharedDevice::name)
          .containsExactly("pixel-7", "galaxy-s23");
      assertThat(devices.devices().get(0).self()).isTrue();
      assertThat(devices.devices()).allSatisfy(d -> assertThat(d.savedAt()).isPresent());
      assertThat(devices.conflicts()).isEmpty();
    }
  }

  private static List<String> titles(JsonArray array, String field) {
    List<String> titles = new ArrayList<>();
    for (JsonElement e : array) {
      titles.add(
          e.getAsJsonObject().get(field).getAsString()
              + e.getAsJsonObject().getAsJsonArray("parents"));
    }
    return titles;
  }

  @Test
  void aRunThatChangedNothingSavesNoNewCatalogVersion() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = phone(dir.resolve("wa.db"), emulator, "pixel-7");
      backup(env, new Lines(), media);
      String saved = emulator.inspector().appDataItems().toString();
      int uploads = emulator.inspector().requests("drive.upload");

      Lines lines = new Lines();
      RunSummary again = backup(env, lines, media);
      assertThat(again.bytesSent()).isZero();
      assertThat(lines.lines).isEmpty();
      assertThat(emulator.inspector().appDataItems().toString()).isEqualTo(saved);
      assertThat(emulator.inspector().requests("drive.upload")).isEqualTo(uploads);
    }
  }

  @Test
  void aCatalogThatCannotBeSavedLeavesTheVerdictAloneAndIsSavedByTheNextRun() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Path images = media.resolve("WhatsApp Images");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = phone(dir.resolve("wa.db"), emulator, "pixel-7");
      // Photos only: every Drive upload is the catalog's, and Drive answers 503 to each.
      emulator.inspector().addFaults("[{\"route\":\"drive.upload\",\"status\":503,\"times\":100}]");
      Lines lines = new Lines();
      RunSummary run = backup(env, lines, images);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(lines.lines)
          .singleElement()
          .asString()
          .startsWith("catalog not saved in Google Drive (")
          .endsWith("tried again next run");
      assertThat(emulator.inspector().appDataItems()).isEmpty();

      emulator.inspector().clearFaults();
      Lines next = new Lines();
      RunSummary later = backup(env, next, images);
      assertThat(later.bytesSent()).isZero();
      assertThat(next.lines).singleElement().asString().startsWith("saved the catalog");
      assertThat(emulator.inspector().appDataItems()).hasSize(1);
    }
  }

  @Test
  void onlyTheNewestThreeVersionsOfADeviceAreKept() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = phone(dir.resolve("wa.db"), emulator, "pixel-7");
      List<Path> folders;
      try (Stream<Path> list = Files.list(media)) {
        folders = list.sorted().toList();
      }
      for (Path folder : folders) {
        backup(env, new Lines(), folder);
      }
      JsonArray catalogs = emulator.inspector().appDataItems();
      assertThat(catalogs).hasSize(3);
      List<String> names = new ArrayList<>();
      catalogs.forEach(c -> names.add(c.getAsJsonObject().get("name").getAsString()));
      long saves;
      try (Database db = Database.open(dir.resolve("wa.db"))) {
        saves = db.read(tx -> tx.catalogDevices().self().orElseThrow().version());
      }
      assertThat(saves).isGreaterThan(3);
      assertThat(names).allMatch(n -> n.matches("catalog-[0-9a-f-]{36}-v\\d{6}\\.json\\.gz"));
      assertThat(names).anyMatch(n -> n.endsWith(String.format("-v%06d.json.gz", saves)));
    }
  }

  @Test
  void aSignInWithoutDriveAppdataBacksUpAndSaysToSignInAgainForTheCatalog() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator =
        new EmulatorFixture(
            app.wauploader.emulator.EmulatorConfig.defaults(dir.resolve("emulator"))
                .withRequireAuth(true))) {
      String token =
          mint(
              emulator,
              app.wauploader.core.auth.GoogleScopes.DRIVE_FILE
                  + " "
                  + app.wauploader.core.auth.GoogleScopes.PHOTOS_APPEND
                  + " "
                  + app.wauploader.core.auth.GoogleScopes.PHOTOS_READ_APP);
      app.wauploader.core.auth.AccessTokens old =
          new app.wauploader.core.auth.AccessTokens() {
            @Override
            public java.util.Optional<String> current() {
              return java.util.Optional.of(token);
            }

            @Override
            public boolean refresh() {
              return false;
            }
          };
      BackupEnvironment env =
          BackupEnvironment.google(
                  dir.resolve("wa.db"),
                  old,
                  app.wauploader.core.google.GoogleEndpoints.at(emulator.baseUri()),
                  LockOwner.create(
                      "test",
                      ProcessHandle.current().pid(),
                      pid -> ProcessHandle.of(pid).isEmpty()))
              .withDeviceName("pixel-7");
      Lines lines = new Lines();
      RunSummary run = backup(env, lines, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(lines.lines)
          .containsExactly(
              "catalog not merged: sign in again to save the catalog in Google Drive (the sign-in"
                  + " lacks drive.appdata)",
              "catalog not saved: sign in again to save the catalog in Google Drive (the sign-in"
                  + " lacks drive.appdata)");
    }
  }

  @Test
  void twoPhonesThatSentTheSameContentAtOnceAreToldAtTheNextMergeAndNeverSendItAgain()
      throws Exception {
    Path a = SampleTree.copyTo(dir.resolve("a"));
    Path b = SampleTree.copyTo(dir.resolve("b"));
    Path images = b.resolve("WhatsApp Images");
    Path dbB = dir.resolve("phone-b.db");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      backup(phone(dir.resolve("phone-a.db"), emulator, "pixel-7"), new Lines(), a);
      // The race: phone B sends the same photos before it could see A's catalog.
      RunSummary race =
          backup(
              phone(dbB, emulator, "galaxy-s23").withCatalogs(BackupEnvironment.Catalogs.NONE),
              new Lines(),
              images);
      int raced = (int) race.count(Outcome.UPLOADED);
      assertThat(raced).isPositive();
      int items = emulator.items().size();

      Lines lines = new Lines();
      RunSummary next = backup(phone(dbB, emulator, "galaxy-s23"), lines, b);
      assertThat(next.verdict()).as(next.toString()).isEqualTo(Verdict.DONE);
      assertThat(next.bytesSent()).as("nothing is sent a third time").isZero();
      assertThat(emulator.items()).hasSize(items);
      assertThat(lines.lines.stream().filter(l -> l.startsWith("the same content is twice")))
          .hasSize(raced);
      CatalogSync.Devices devices = new Backups(phone(dbB, emulator, "galaxy-s23")).devices();
      assertThat(devices.conflicts()).hasSize(raced).allMatch(c -> c.kind().equals("content"));
      assertThat(devices.conflicts()).allMatch(c -> c.otherDevice().equals("pixel-7"));
      // Both phones now name the first upload of each content.
      try (Database db = Database.open(dbB)) {
        for (var c : devices.conflicts()) {
          assertThat(db.read(tx -> tx.fileHashes().find(c.key())).orElseThrow().uploadId())
              .isEqualTo(c.keptId());
        }
      }
    }
  }

  @Test
  void aDamagedCatalogOfAnotherDeviceIsRefusedWithOneLineAndItsOlderVersionIsMerged()
      throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      backup(phone(dir.resolve("tablet.db"), emulator, "tablet"), new Lines(), media);
      CatalogSync.SharedDevice tablet;
      try (Database db = Database.open(dir.resolve("tablet.db"))) {
        tablet =
            new CatalogSync(
                    db,
                    new app.wauploader.core.target.drive.DriveCatalogStore(emulator.http()),
                    "tablet")
                .devices()
                .devices()
                .get(0);
      }
      // A newer version of the tablet's catalog whose bytes are not a catalog at all.
      app.wauploader.core.catalog.CatalogFormat.Header label =
          new app.wauploader.core.catalog.CatalogFormat.Header(
              1, tablet.id(), "tablet", tablet.version() + 1, java.time.Instant.now());
      Path garbage =
          java.nio.file.Files.writeString(dir.resolve("garbage.json.gz"), "not a catalog");
      new app.wauploader.core.target.drive.DriveCatalogStore(emulator.http())
          .save(
              label,
              0,
              java.nio.file.Files.newInputStream(garbage),
              java.nio.file.Files.size(garbage));
      long received = emulator.bytesReceived();

      Lines lines = new Lines();
      RunSummary run = backup(phone(dir.resolve("phone.db"), emulator, "pixel-7"), lines, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(lines.lines)
          .contains(
              "refused the catalog saved by tablet: the catalog file is damaged: not a complete"
                  + " gzip file");
      assertThat(lines.lines).anyMatch(l -> l.startsWith("merged the catalog saved by tablet on "));
      assertThat(run.bytesSent()).isZero();
      assertThat(emulator.bytesReceived()).isEqualTo(received);
    }
  }

  @Test
  void aCatalogTooLargeForTheHeapIsNotMergedWithOneLineAndTheRunGoesOn() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      // A tablet says its catalog holds a billion contents (the listing's appProperties).
      Path file = dir.resolve("huge.json.gz");
      java.nio.file.Files.write(
          file,
          app.wauploader.core.catalog.CatalogFormat.write(
              new app.wauploader.core.catalog.Catalog(
                  1,
                  "tablet-id",
                  "tablet",
                  1,
                  java.time.Instant.now(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  Map.of())));
      new app.wauploader.core.target.drive.DriveCatalogStore(emulator.http())
          .save(
              new app.wauploader.core.catalog.CatalogFormat.Header(
                  1, "tablet-id", "tablet", 1, java.time.Instant.now()),
              1_000_000_000L,
              java.nio.file.Files.newInputStream(file),
              java.nio.file.Files.size(file));
      Lines lines = new Lines();
      RunSummary run = backup(phone(dir.resolve("phone.db"), emulator, "pixel-7"), lines, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(lines.lines)
          .anyMatch(
              l ->
                  l.startsWith("not merged the catalog saved by tablet: its ")
                      && l.contains("1,000,000,000 contents need about")
                      && l.endsWith("start it once with a larger heap"));
    }
  }

  @Test
  void aRunStoppedOnRequestEndsWithoutSavingAndTheNextRunSaves() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = phone(dir.resolve("wa.db"), emulator, "pixel-7");
      RunControl control = RunControl.create();
      control.stop();
      Lines lines = new Lines();
      RunSummary stopped =
          new Backups(env)
              .backup(
                  List.of(new LocalFileSource(List.of(media))),
                  UploadOptions.defaults(),
                  control,
                  lines);
      assertThat(stopped.verdict()).isEqualTo(Verdict.STOPPED);
      assertThat(lines.lines)
          .containsExactly("catalog not saved: the run was stopped; the next run saves it");
      assertThat(emulator.inspector().appDataItems()).isEmpty();

      Lines next = new Lines();
      backup(env, next, media);
      assertThat(next.lines).singleElement().asString().startsWith("saved the catalog");
    }
  }

  private static String mint(EmulatorFixture emulator, String scope) throws IOException {
    java.net.HttpURLConnection post =
        (java.net.HttpURLConnection)
            emulator.baseUri().resolve("/__emulator/tokens").toURL().openConnection();
    post.setRequestMethod("POST");
    post.setDoOutput(true);
    post.setRequestProperty("Content-Type", "application/json");
    post.getOutputStream()
        .write(
            ("{\"client_id\":\"emulator-client\",\"scope\":\"" + scope + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (java.io.InputStream in = post.getInputStream()) {
      return com.google.gson.JsonParser.parseString(
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .getAsJsonObject()
          .get("access_token")
          .getAsString();
    }
  }
}
