package app.wauploader.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.target.drive.DriveTarget;
import app.wauploader.core.upload.DatabaseContainerIds;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import org.junit.jupiter.api.Test;

class DriveTargetContractTest extends EmulatorTargetContractTest {
  @Override
  protected Target newTarget(GoogleHttp http, ContainerIds containers) {
    return new DriveTarget(http, containers);
  }

  @Override
  protected String container() {
    return "WhatsApp/WhatsApp Documents";
  }

  @Test
  void foldersAreCreatedOnceAndReusedEvenAfterTheLocalIndexIsLost() throws Exception {
    Target target = target();
    upload(target, "a.jpg", random(10, 1));
    upload(target, "b.jpg", random(10, 2));
    var folders = emulator.get("/__emulator/folders").getAsJsonArray();
    assertThat(folders).hasSize(2); // WhatsApp, WhatsApp/WhatsApp Documents

    try (Database fresh = Database.open(dir.resolve("other.db"))) {
      upload(
          new DriveTarget(emulator.http(), new DatabaseContainerIds(fresh)),
          "c.jpg",
          random(10, 3));
      assertThat(emulator.get("/__emulator/folders").getAsJsonArray()).hasSize(2);
      assertThat(
              fresh.<java.util.Optional<String>>inTransaction(
                  tx -> tx.containers().find(Service.DRIVE, "WhatsApp/WhatsApp Documents")))
          .isPresent();
    }
  }

  @Test
  void theContentHashIsStoredInAppPropertiesAndFindable() throws Exception {
    DriveTarget target = (DriveTarget) target();
    byte[] content = random(5000, 9);
    upload(target, "d.pdf", content);
    assertThat(target.findBySha256(sha256(content))).isPresent();
    assertThat(target.findBySha256("0".repeat(64))).isEmpty();
  }

  @Test
  void aFileLabelledWithAHashItsBytesDoNotHaveIsNotTakenForThatContent() throws Exception {
    DriveTarget target = (DriveTarget) target();
    byte[] content = random(4000, 11);
    String claimed = sha256(random(4000, 12));
    String uri =
        target
            .begin(
                new TransferRequest(
                    container(), "x.bin", "application/octet-stream", content.length, claimed, 0))
            .uri();
    TransferState state = target.send(uri, 0, content, content.length, content.length);
    assertThat(target.findBySha256(claimed)).isEmpty();
    target.discard(((TransferState.Complete) state).receipt());
    assertThat(emulator.items()).isEmpty();
  }

  @Test
  void aDeletedFolderIsCreatedAgain() throws Exception {
    Target target = target();
    upload(target, "a.bin", random(100, 1));
    String folderId =
        db.<java.util.Optional<String>>inTransaction(
                tx -> tx.containers().find(Service.DRIVE, container()))
            .orElseThrow();
    var drive =
        new com.google.api.services.drive.Drive.Builder(
                emulator.http().transport(), app.wauploader.core.google.GoogleHttp.json(), r -> {})
            .setRootUrl(emulator.baseUri() + "/")
            .build();
    drive.files().delete(folderId).execute();

    upload(new DriveTarget(emulator.http(), new DatabaseContainerIds(db)), "b.bin", random(100, 2));
    String newId =
        db.<java.util.Optional<String>>inTransaction(
                tx -> tx.containers().find(Service.DRIVE, container()))
            .orElseThrow();
    assertThat(newId).isNotEqualTo(folderId);
  }
}
