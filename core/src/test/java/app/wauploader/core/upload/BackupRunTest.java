package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.DelegatingTarget;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.db.UploadSession;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import app.wauploader.domain.SessionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRunTest {
  @TempDir Path dir;
  private Path media;
  private final InMemoryTarget photos = new InMemoryTarget(Service.PHOTOS);
  private final InMemoryTarget drive = new InMemoryTarget(Service.DRIVE);

  @BeforeEach
  void copySamples() {
    media = SampleTree.copyTo(dir);
  }

  private RunSummary run(UploadOptions options) throws Exception {
    return TestRuns.backup(
        dir.resolve("wa.db"), Map.of(Service.PHOTOS, photos, Service.DRIVE, drive), options, media);
  }

  @Test
  void everyEligibleFileIsStoredExactlyOnceAndTwinsAreNotSent() throws Exception {
    RunSummary summary = run(UploadOptions.defaults());
    List<Path> eligible = SampleTree.eligibleFiles(media);
    Set<String> unique = SampleTree.distinctSha256(eligible);

    Set<String> stored = RemoteContents.localContents(dir.resolve("wa.db"), photos, drive);
    assertThat(allItems()).hasSize(unique.size());
    assertThat(stored).isEqualTo(unique);
    assertThat(summary.count(Outcome.UPLOADED)).isEqualTo(unique.size());
    assertThat(summary.count(Outcome.DUPLICATE)).isEqualTo(eligible.size() - unique.size());
    assertThat(summary.count(Outcome.FAILED)).isZero();
    // Every byte once: what the targets hold (Photos: dated copies) is what was sent.
    long storedBytes = allItems().stream().mapToLong(InMemoryTarget.Item::size).sum();
    assertThat(summary.bytesSent()).isEqualTo(storedBytes);
    assertThat(photos.bytesReceived() + drive.bytesReceived()).isEqualTo(storedBytes);

    assertThat(photos.items())
        .extracting(InMemoryTarget.Item::container)
        .containsOnly("WhatsApp Images", "WhatsApp Video", "WhatsApp Animated Gifs");
    assertThat(drive.items())
        .extracting(InMemoryTarget.Item::container)
        .contains(
            "WhatsApp/WhatsApp Voice Notes",
            "WhatsApp/WhatsApp Documents",
            "WhatsApp/WhatsApp Audio");
  }

  @Test
  void aRunForPhotosOnlySkipsWhatGoesToDriveAndIsStillDone() throws Exception {
    RunSummary summary =
        run(UploadOptions.defaults().withServices(java.util.EnumSet.of(Service.PHOTOS)));
    assertThat(summary.verdict()).as(summary.toString()).isEqualTo(Verdict.DONE);
    assertThat(drive.items()).isEmpty();
    assertThat(drive.bytesReceived()).isZero();
    assertThat(photos.items()).isNotEmpty();
    assertThat(summary.count(Outcome.SKIPPED)).as("voice notes, audio, documents").isPositive();
    // Turned on again, the next run backs up what was left out.
    RunSummary both = run(UploadOptions.defaults());
    assertThat(both.count(Outcome.UPLOADED) + both.count(Outcome.DUPLICATE))
        .as("each skipped file, uploaded or as a twin")
        .isEqualTo(summary.count(Outcome.SKIPPED));
    assertThat(drive.items()).isNotEmpty();
  }

  @Test
  void theSessionRowCountsTheRun() throws Exception {
    RunSummary summary = run(UploadOptions.defaults());
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      UploadSession session =
          db.<java.util.Optional<UploadSession>>inTransaction(
                  tx -> tx.sessions().find(summary.sessionId().orElseThrow()))
              .orElseThrow();
      assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
      assertThat(session.processedFiles()).isEqualTo(summary.files());
      assertThat(session.successCount()).isEqualTo(summary.count(Outcome.UPLOADED));
      assertThat(session.duplicateCount()).isEqualTo(summary.count(Outcome.DUPLICATE));
      assertThat(session.bytesUploaded()).isEqualTo(summary.bytesSent());
      assertThat(session.finishedAt()).isPresent();
      assertThat(db.<Long>inTransaction(tx -> tx.fileHashes().count()))
          .isEqualTo(summary.count(Outcome.UPLOADED));
    }
  }

  @Test
  void aSecondRunSendsNothingAndCreatesNothing() throws Exception {
    run(UploadOptions.defaults());
    int items = allItems().size();
    long received = photos.bytesReceived() + drive.bytesReceived();

    RunSummary second = run(UploadOptions.defaults());
    assertThat(second.bytesSent()).isZero();
    assertThat(allItems()).hasSize(items);
    assertThat(photos.bytesReceived() + drive.bytesReceived()).isEqualTo(received);
    assertThat(second.count(Outcome.UPLOADED)).isZero();
    assertThat(second.count(Outcome.UNCHANGED) + second.count(Outcome.DUPLICATE))
        .isEqualTo(second.files());
  }

  @Test
  void aChangedFileIsUploadedAgainAndANewFileIsPickedUp() throws Exception {
    run(UploadOptions.defaults());
    Path doc = media.resolve("WhatsApp Documents/Shopping list.txt");
    Files.writeString(doc, "milk, eggs, and now bread too\n");
    Files.setLastModifiedTime(doc, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Files.write(
        media.resolve("WhatsApp Images/IMG-20250101-WA0099.jpg"),
        Files.readAllBytes(media.resolve("WhatsApp Images/IMG-20240214-WA0003.jpg")));

    RunSummary second = run(UploadOptions.defaults());
    assertThat(second.count(Outcome.UPLOADED)).isEqualTo(1);
    assertThat(second.count(Outcome.DUPLICATE)).isGreaterThanOrEqualTo(1);
    assertThat(drive.items())
        .extracting(InMemoryTarget.Item::sha256)
        .contains(SampleTree.sha256(doc));
  }

  @Test
  void aDryRunPlansButWritesAndSendsNothing() throws Exception {
    RunSummary summary = run(UploadOptions.defaults().withDryRun(true));
    List<Path> eligible = SampleTree.eligibleFiles(media);
    int unique = SampleTree.distinctSha256(eligible).size();
    assertThat(summary.count(Outcome.PLANNED)).isEqualTo(unique);
    assertThat(summary.count(Outcome.DUPLICATE)).isEqualTo(eligible.size() - unique);
    assertThat(summary.bytesPlanned()).isPositive();
    assertThat(allItems()).isEmpty();
    assertThat(summary.verdict()).isEqualTo(Verdict.DONE);
    assertThat(dir.resolve("wa.db")).doesNotExist();
    assertThat(dir.resolve("wa.db-wal")).doesNotExist();
  }

  @Test
  void unchangedFilesAreNotReadTwice() throws Exception {
    run(UploadOptions.defaults());
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      assertThat(db.<Long>inTransaction(tx -> tx.scanCache().count()))
          .isEqualTo(SampleTree.eligibleFiles(media).size());
    }
    // Make every file unreadable: a run that re-read them would fail them all.
    List<Path> eligible = SampleTree.eligibleFiles(media);
    for (Path p : eligible) {
      p.toFile().setReadable(false, false);
    }
    try {
      boolean unreadableForUs = !Files.isReadable(eligible.get(0));
      RunSummary second = run(UploadOptions.defaults());
      if (unreadableForUs) {
        assertThat(second.count(Outcome.FAILED)).isZero();
      }
      assertThat(second.count(Outcome.UNCHANGED) + second.count(Outcome.DUPLICATE))
          .isEqualTo(eligible.size());
    } finally {
      for (Path p : eligible) {
        p.toFile().setReadable(true, false);
      }
    }
  }

  @Test
  void aTransferStoppedMidFileResumesFromTheAcknowledgedOffset() throws Exception {
    Path video = media.resolve("WhatsApp Video/VID-20240214-WA0008.mp4");
    long size = Files.size(video);
    int chunk = 256 * 1024;
    UploadOptions options = UploadOptions.defaults().withChunkBytes(chunk).withTransfers(1);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      Target stopping = new StopAfterFirstChunk(photos);
      TestRuns.backup(
          dir.resolve("wa.db"),
          Map.of(Service.PHOTOS, stopping, Service.DRIVE, drive),
          options,
          media);
      UploadItem item =
          db.<java.util.Optional<UploadItem>>inTransaction(
                  tx -> tx.items().findByKey("fs:" + video))
              .orElseThrow();
      assertThat(item.state()).isEqualTo(ItemState.UPLOADING);
      // Progress is written every 8 MiB or 5 s: the row may lag; the server's offset rules.
      assertThat(item.ackedOffset()).isBetween(0L, (long) chunk);
      assertThat(item.sessionUri()).isPresent();
    }
    long before = photos.bytesReceived();
    RunSummary resumed = run(options);
    assertThat(resumed.count(Outcome.FAILED)).isZero();
    assertThat(RemoteContents.copies(dir.resolve("wa.db"), photos))
        .containsEntry(SampleTree.sha256(video), 1);
    // The resumed run sent the video's remaining bytes once, plus the files the first run never
    // reached.
    assertThat(photos.bytesReceived() - before).isGreaterThanOrEqualTo(size - chunk);
    assertThat(photos.bytesReceived()).isEqualTo(uniquePhotoBytes());
  }

  @Test
  void aFileChangedBehindTheSameSizeAndMtimeIsCaughtByTheLedgerAndSentAnew() throws Exception {
    Path video = media.resolve("WhatsApp Video/VID-20240214-WA0008.mp4");
    int chunk = 256 * 1024;
    UploadOptions options =
        UploadOptions.defaults()
            .withChunkBytes(chunk)
            .withTransfers(1)
            .withProgress(0, java.time.Duration.ZERO);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      TestRuns.backup(
          dir.resolve("wa.db"),
          Map.of(Service.PHOTOS, new StopAfterFirstChunk(photos), Service.DRIVE, drive),
          options,
          media);
      UploadItem item =
          db.<java.util.Optional<UploadItem>>inTransaction(
                  tx -> tx.items().findByKey("fs:" + video))
              .orElseThrow();
      assertThat(
              db.<List<app.wauploader.db.LedgerChunk>>inTransaction(
                  tx -> tx.chunks().forItem(item.id())))
          .hasSize(1);
    }
    // Same size, same mtime, different first bytes: only the ledger can tell.
    FileTime mtime = Files.getLastModifiedTime(video);
    byte[] bytes = Files.readAllBytes(video);
    for (int i = 1000; i < 2000; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(video, bytes);
    Files.setLastModifiedTime(video, mtime);

    RunSummary second = run(options);
    assertThat(second.count(Outcome.FAILED)).isZero();
    assertThat(RemoteContents.localContents(dir.resolve("wa.db"), photos))
        .contains(SampleTree.sha256(video));
  }

  @Test
  void overlappingOrRepeatedRootsMeetEachFileOnce() throws Exception {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      RunSummary summary =
          TestRuns.backup(
              dir.resolve("wa.db"),
              Map.of(Service.PHOTOS, photos, Service.DRIVE, drive),
              UploadOptions.defaults(),
              media,
              media.resolve("WhatsApp Images"),
              media);
      List<Path> eligible = SampleTree.eligibleFiles(media);
      assertThat(summary.files()).isEqualTo(eligible.size());
      assertThat(summary.count(Outcome.FAILED)).isZero();
      assertThat(allItems()).hasSize(SampleTree.distinctSha256(eligible).size());
    }
  }

  @Test
  void aFileTouchedButUnchangedKeepsItsHalfSentTransfer() throws Exception {
    Path video = media.resolve("WhatsApp Video/VID-20240214-WA0008.mp4");
    UploadOptions options = UploadOptions.defaults().withChunkBytes(256 * 1024).withTransfers(1);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      TestRuns.backup(
          dir.resolve("wa.db"),
          Map.of(Service.PHOTOS, new StopAfterFirstChunk(photos), Service.DRIVE, drive),
          options,
          media);
    }
    Files.setLastModifiedTime(video, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    long before = photos.bytesReceived();
    RunSummary second = run(options);
    assertThat(second.count(Outcome.FAILED)).isZero();
    assertThat(RemoteContents.localContents(dir.resolve("wa.db"), photos))
        .contains(SampleTree.sha256(video));
    // Only what the server did not hold was sent: the first chunk was not sent again.
    assertThat(photos.bytesReceived()).isEqualTo(uniquePhotoBytes());
    assertThat(photos.bytesReceived() - before).isLessThan(uniquePhotoBytes());
  }

  @Test
  void aRefusedUploadTokenSendsTheFileAgainAndCommitsItInTheSameRun() throws Exception {
    Target refusingOnce = new RefuseFirstToken(photos);
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      RunSummary summary =
          TestRuns.backup(
              dir.resolve("wa.db"),
              Map.of(Service.PHOTOS, refusingOnce, Service.DRIVE, drive),
              UploadOptions.defaults(),
              media);
      assertThat(summary.count(Outcome.FAILED)).isZero();
      assertThat(summary.count(Outcome.DEFERRED)).isZero();
      List<Path> eligible = SampleTree.eligibleFiles(media);
      assertThat(allItems()).hasSize(SampleTree.distinctSha256(eligible).size());
      assertThat(
              db.<List<app.wauploader.db.UploadError>>inTransaction(
                  tx -> tx.errors().forSession(summary.sessionId().orElseThrow())))
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo(FailureReason.RECEIPT_EXPIRED));
    }
  }

  /** Refuses the first commit's first item as an expired upload token. */
  private static final class RefuseFirstToken extends DelegatingTarget {
    private boolean refused;

    RefuseFirstToken(Target delegate) {
      super(delegate);
    }

    @Override
    public synchronized List<CommitResult> commit(List<CommitRequest> requests)
        throws TargetException, InterruptedException {
      if (refused) {
        return delegate.commit(requests);
      }
      refused = true;
      List<CommitResult> results = new java.util.ArrayList<>();
      results.add(
          CommitResult.resend(
              requests.get(0).key(),
              new TargetException(
                  app.wauploader.domain.FailureReason.REJECTED,
                  "Photos batchCreate item rejected (code 3: upload token expired)")));
      if (requests.size() > 1) {
        results.addAll(delegate.commit(requests.subList(1, requests.size())));
      }
      return results;
    }
  }

  private long uniquePhotoBytes() {
    return photos.items().stream().mapToLong(InMemoryTarget.Item::size).sum();
  }

  private List<InMemoryTarget.Item> allItems() {
    return java.util.stream.Stream.concat(photos.items().stream(), drive.items().stream()).toList();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
