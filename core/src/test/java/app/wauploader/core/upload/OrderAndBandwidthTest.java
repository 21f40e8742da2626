package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.ScanOptions;
import app.wauploader.core.source.Selection;
import app.wauploader.core.target.DelegatingTarget;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.domain.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order files go in, and the upload-rate cap. */
class OrderAndBandwidthTest {
  @TempDir Path dir;

  @Test
  void withOneTransferTheNewestPhotoGoesFirstOrTheOldestWhenAsked() throws Exception {
    Path images = dir.resolve("Media/WhatsApp Images");
    SampleTree.distinctPhotos(images, 0, 6);
    List<Path> photos;
    try (Stream<Path> s = Files.list(images)) {
      photos = s.sorted().toList();
    }
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < photos.size(); i++) {
      // Shuffled ages, so neither the name nor the listing order is the mtime order.
      int day = (i * 4) % photos.size();
      Files.setLastModifiedTime(photos.get(i), FileTime.from(base.plus(Duration.ofDays(day))));
    }
    Path newest = photos.stream().max((a, b) -> mtime(a).compareTo(mtime(b))).orElseThrow();
    Path oldest = photos.stream().min((a, b) -> mtime(a).compareTo(mtime(b))).orElseThrow();
    assertThat(sentFirst(Selection.Order.NEWEST, "newest"))
        .isEqualTo(newest.getFileName().toString());
    assertThat(sentFirst(Selection.Order.OLDEST, "oldest"))
        .isEqualTo(oldest.getFileName().toString());
  }

  @Test
  void theThrottleHoldsTheAverageRate() throws Exception {
    Throttle throttle = Throttle.of(2L * 1024 * 1024);
    long start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      throttle.acquire(1024L * 1024);
    }
    // 3 MiB at 2 MiB/s: the first is free, the next two wait 0.5 s each (a lower bound only).
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    long t = System.nanoTime();
    Throttle.NONE.acquire(Long.MAX_VALUE);
    assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(1));
  }

  private String sentFirst(Selection.Order order, String db) throws Exception {
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    InMemoryTarget photos = new InMemoryTarget(Service.PHOTOS);
    DelegatingTarget recording =
        new DelegatingTarget(photos) {
          @Override
          public TransferState.Complete sendWhole(TransferRequest r, byte[] c, int n)
              throws TargetException, InterruptedException {
            sent.add(r.remoteName());
            return delegate.sendWhole(r, c, n);
          }
        };
    UploadOptions options =
        UploadOptions.defaults()
            .withTransfers(1)
            .withHashThreads(1)
            .withScan(
                new ScanOptions(
                    false,
                    false,
                    false,
                    new Selection(List.of(), List.of(), 0, Optional.empty(), order)));
    RunSummary run =
        TestRuns.backup(
            dir.resolve(db + ".db"),
            Map.of(Service.PHOTOS, recording, Service.DRIVE, new InMemoryTarget(Service.DRIVE)),
            options,
            dir.resolve("Media"));
    assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
    assertThat(sent).hasSize(6);
    return sent.get(0);
  }

  private static FileTime mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
