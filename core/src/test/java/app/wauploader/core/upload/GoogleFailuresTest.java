package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.DelegatingTarget;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.core.target.Target;
import app.wauploader.domain.Service;
import app.wauploader.emulator.EmulatorConfig;
import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's real failure answers, given by the emulator as Google gives them, end as a user needs:
 * storage full stops at once, one bad token costs one file, media Photos refuses go to Drive, an
 * API not enabled stops once naming it, a full album rolls over.
 */
class GoogleFailuresTest {
  @TempDir Path dir;

  @Test
  void photosStorageFullStopsTheRunAtTheFirstBatch() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      emulator
          .inspector()
          .addFaults(
              "[{\"route\":\"photos.batchCreate\",\"times\":10,\"action\":\"storageFull\"}]");
      RunSummary run = backup(env(emulator), media);
      assertThat(run.verdict()).isEqualTo(Verdict.STORAGE_FULL);
      assertThat(run.stop().orElseThrow().message()).containsIgnoringCase("storage");
      assertThat(emulator.inspector().requests("photos.batchCreate")).isEqualTo(1);
    }
  }

  @Test
  void oneBadUploadTokenAmongABatchCostsOneFile() throws Exception {
    Path media = SampleTree.copyTo(dir);
    int photos = SampleTree.distinctSha256(photoFiles(media)).size();
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      AtomicBoolean spoiled = new AtomicBoolean();
      BackupEnvironment env =
          TestRuns.env(
              dir.resolve("wa.db"),
              (d, h) -> {
                Map<Service, Target> targets =
                    new HashMap<>(GoogleTargets.create(emulator.http(), d));
                targets.put(Service.PHOTOS, spoilOneToken(targets.get(Service.PHOTOS), spoiled));
                return targets;
              },
              Clock.systemUTC());
      RunSummary run = backup(env, media);
      assertThat(spoiled).isTrue();
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      assertThat(run.count(Outcome.FAILED)).isZero();
      assertThat(emulator.inspector().requests("photos.upload"))
          .as("only the spoiled file was sent again")
          .isEqualTo(photos + 1);
      assertThat(RemoteContents.copies(env.database(), emulator.items()).values()).containsOnly(1);
    }
  }

  @Test
  void mediaPhotosRefusesGoToDriveSoNothingIsLeftOut() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      emulator
          .inspector()
          .addFaults(
              "[{\"route\":\"photos.batchCreate\",\"times\":1,\"action\":\"partial\","
                  + "\"status\":3,\"itemIndexes\":[0],\"message\":\"BAD_IMAGE: There was an"
                  + " error while trying to create this media item.\"}]");
      BackupEnvironment env = env(emulator);
      RunSummary run = backup(env, media);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      long driveImages = 0;
      for (JsonElement e : emulator.items()) {
        String mime = e.getAsJsonObject().get("mimeType").getAsString();
        if (e.getAsJsonObject().get("service").getAsString().equals("drive")
            && (mime.startsWith("image/") || mime.startsWith("video/"))) {
          driveImages++;
        }
      }
      assertThat(driveImages).as("the refused photo or video, now on Drive").isEqualTo(1);
      assertThat(new Backups(env).errors(10, Optional.empty()))
          .anySatisfy(e -> assertThat(e.errorMessage()).contains("to Google Drive instead"));
      RunSummary again = backup(env, media);
      assertThat(again.bytesSent()).isZero();
      assertThat(again.verdict()).isEqualTo(Verdict.DONE);
    }
  }

  @Test
  void anApiNotEnabledStopsOnceNamingIt() throws Exception {
    Path media = SampleTree.copyTo(dir);
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      emulator
          .inspector()
          .addFaults(
              "[{\"route\":\"photos.upload\",\"times\":1000,\"action\":\"serviceDisabled\"}]");
      RunSummary run = backup(env(emulator), media);
      assertThat(run.verdict()).isEqualTo(Verdict.SETUP_ERROR);
      assertThat(run.stop().orElseThrow().message()).contains("Photos Library API");
      assertThat(emulator.inspector().requests("photos.upload"))
          .as("a few transfers in flight at most, no retries")
          .isLessThanOrEqualTo(UploadOptions.defaults().transfers());
    }
  }

  @Test
  void anAlbumFullAfterALostDatabaseRollsOverWithNothingFailed() throws Exception {
    Path images = dir.resolve("Media/WhatsApp Images");
    try (EmulatorFixture emulator =
        new EmulatorFixture(
            EmulatorConfig.defaults(dir.resolve("emulator")).withAlbumCapacity(3))) {
      SampleTree.distinctPhotos(images, 0, 3);
      BackupEnvironment.Targets capacity3 = (d, h) -> GoogleTargets.create(emulator.http(), d, 3);
      backup(
          TestRuns.env(dir.resolve("first.db"), capacity3, Clock.systemUTC()),
          dir.resolve("Media"));
      SampleTree.distinctPhotos(images, 3, 5);
      RunSummary run =
          backup(
              TestRuns.env(dir.resolve("second.db"), capacity3, Clock.systemUTC()),
              dir.resolve("Media"));
      assertThat(run.count(Outcome.FAILED)).as(run.toString()).isZero();
      List<String> titles = new ArrayList<>();
      for (JsonElement a : emulator.albums()) {
        titles.add(a.getAsJsonObject().get("title").getAsString());
        assertThat(a.getAsJsonObject().getAsJsonArray("mediaItemIds").size())
            .isLessThanOrEqualTo(3);
      }
      assertThat(titles).contains("WhatsApp Images", "WhatsApp Images (2)");
    }
  }

  /**
   * A Photos target that, from its first multi-item batch on, hands Google a bogus token instead of
   * one item's real one (as if that token had expired): only new bytes give that item a token.
   */
  private static Target spoilOneToken(Target photos, AtomicBoolean spoiled) {
    java.util.concurrent.atomic.AtomicReference<String> bad =
        new java.util.concurrent.atomic.AtomicReference<>();
    return new DelegatingTarget(photos) {
      @Override
      public List<CommitResult> commit(List<CommitRequest> requests)
          throws TargetException, InterruptedException {
        if (requests.size() > 1 && spoiled.compareAndSet(false, true)) {
          bad.set(requests.get(1).receipt());
        }
        List<CommitRequest> changed = new ArrayList<>();
        for (CommitRequest r : requests) {
          changed.add(
              r.receipt().equals(bad.get())
                  ? new CommitRequest(
                      r.key(), "bogus-token", r.container(), r.remoteName(), r.sha256())
                  : r);
        }
        return delegate.commit(changed);
      }
    };
  }

  private static List<Path> photoFiles(Path media) {
    List<Path> photos = new ArrayList<>();
    for (Path p : SampleTree.eligibleFiles(media)) {
      String name = p.getFileName().toString();
      if (name.startsWith("IMG-") || name.startsWith("VID-")) {
        photos.add(p);
      }
    }
    return photos;
  }

  private BackupEnvironment env(EmulatorFixture emulator) {
    return TestRuns.google(dir.resolve("wa.db"), emulator);
  }

  private static RunSummary backup(BackupEnvironment env, Path root) throws Exception {
    return TestRuns.backup(env, UploadOptions.defaults(), root);
  }
}
