package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.DelegatingTarget;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferState;
import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.Service;
import com.google.gson.JsonElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that change, or have names no header can carry, are never stored wrong. */
class ChangingFilesTest {
  private static final int CHUNK = 256 * 1024;

  @TempDir Path dir;
  private final InMemoryTarget photos = new InMemoryTarget(Service.PHOTOS);
  private final InMemoryTarget drive = new InMemoryTarget(Service.DRIVE);

  @Test
  void aPhotoChangedWhileItIsSentIsNeverCommittedUnderItsOldHash() throws Exception {
    Path media = Files.createDirectories(dir.resolve("Media/WhatsApp Video"));
    Path video = media.resolve("VID-20240214-WA0008.mp4");
    Files.copy(SampleTree.SOURCE.resolve("WhatsApp Video/VID-20240214-WA0008.mp4"), video);
    String before = SampleTree.sha256(video);
    // Like Photos: no checksum reported; the file changes (same size, same mtime) mid-upload.
    Target changing =
        new DelegatingTarget(photos) {
          private boolean changed;

          @Override
          public TransferState send(String uri, long offset, byte[] chunk, int length, long size)
              throws TargetException, InterruptedException {
            if (!changed) { // chunk 0 is read already; the rest is read after this
              changed = true;
              rewrite(video);
            }
            TransferState state = delegate.send(uri, offset, chunk, length, size);
            return state instanceof TransferState.Complete c
                ? new TransferState.Complete(c.receipt(), Optional.empty())
                : state;
          }
        };
    RunSummary run =
        TestRuns.backup(
            dir.resolve("wa.db"),
            Map.of(Service.PHOTOS, changing, Service.DRIVE, drive),
            UploadOptions.defaults().withChunkBytes(CHUNK).withTransfers(1),
            dir.resolve("Media"));
    String after = SampleTree.sha256(video);
    assertThat(after).isNotEqualTo(before);
    assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
    assertThat(RemoteContents.copies(dir.resolve("wa.db"), photos)).containsOnlyKeys(after);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThat(db.<Optional<UploadItem>>inTransaction(tx -> tx.items().findByKey("fs:" + video)))
          .get()
          .extracting(UploadItem::sha256)
          .isEqualTo(after);
      assertThat(db.<Long>inTransaction(tx -> tx.fileHashes().count())).isEqualTo(1);
    }
  }

  @Test
  void aFileChangedBehindAnAbandonedDriveTransferKeepsItsName() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("Media/WhatsApp Documents"));
    Path doc = docs.resolve("DOC-20240101-WA0001.bin");
    byte[] bytes = new byte[3 * CHUNK];
    new java.util.Random(5).nextBytes(bytes);
    Files.write(doc, bytes);
    Target stopping = new StopAfterFirstChunk(drive);
    UploadOptions options = UploadOptions.defaults().withChunkBytes(CHUNK).withTransfers(1);
    TestRuns.backup(
        dir.resolve("wa.db"),
        Map.of(Service.PHOTOS, photos, Service.DRIVE, stopping),
        options,
        dir.resolve("Media"));
    bytes[10] ^= 1;
    Files.write(doc, bytes);
    Files.setLastModifiedTime(doc, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    RunSummary second =
        TestRuns.backup(
            dir.resolve("wa.db"),
            Map.of(Service.PHOTOS, photos, Service.DRIVE, drive),
            options,
            dir.resolve("Media"));
    assertThat(second.verdict()).isEqualTo(Verdict.DONE);
    assertThat(drive.items())
        .extracting(InMemoryTarget.Item::name)
        .containsExactly(doc.getFileName().toString());
  }

  @Test
  void namesWithControlCharactersAreBackedUpUnderASafeName() throws Exception {
    Path media = Files.createDirectories(dir.resolve("Media"));
    Path images = Files.createDirectories(media.resolve("WhatsApp Images"));
    Path docs = Files.createDirectories(media.resolve("WhatsApp Documents"));
    Path photo = images.resolve("IMG-20240101\nWA0001.jpg");
    Files.copy(SampleTree.SOURCE.resolve("WhatsApp Images/IMG-20231105-WA0012.jpg"), photo);
    Path note = docs.resolve("list\tfor\u0007mum.txt");
    Files.writeString(note, "milk\n");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      RunSummary run =
          TestRuns.backup(
              TestRuns.env(
                  dir.resolve("wa.db"),
                  (db, h) -> GoogleTargets.create(emulator.http(), db),
                  Clock.systemUTC()),
              UploadOptions.defaults(),
              media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      Set<String> names =
          java.util.stream.StreamSupport.stream(emulator.items().spliterator(), false)
              .map(JsonElement::getAsJsonObject)
              .map(o -> o.get("name").getAsString())
              .collect(Collectors.toSet());
      assertThat(names).containsExactlyInAnyOrder("IMG-20240101_WA0001.jpg", "list_for_mum.txt");
      try (Database db = Database.open(dir.resolve("wa.db"))) {
        assertThat(
                db.<Optional<UploadItem>>inTransaction(tx -> tx.items().findByKey("fs:" + photo)))
            .isPresent();
      }
    }
  }

  private static void rewrite(Path file) {
    try {
      FileTime mtime = Files.getLastModifiedTime(file);
      byte[] bytes = Files.readAllBytes(file);
      for (int i = bytes.length - 100; i < bytes.length; i++) {
        bytes[i] ^= 0x33; // bytes not sent yet
      }
      Files.write(file, bytes);
      Files.setLastModifiedTime(file, mtime);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
