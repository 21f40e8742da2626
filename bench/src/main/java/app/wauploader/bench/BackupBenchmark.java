package app.wauploader.bench;

import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.hash.ContentHasher;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.upload.LockOwner;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures full backup runs (scan → hash → plan → resumable upload → commit) against the emulator
 * on loopback, on the sample tree and on a generated tree, and prints each run's files/s and MiB/s
 * next to a baseline measured in the same process: reading + SHA-256 + MIME detection of the same
 * files (the least work any backup must do). The ratio says what the upload machinery costs on top
 * of that. A second run over the unchanged tree shows the scan cache.
 *
 * <p>Run by {@code scripts/bench.sh --only pipeline}.
 */
public final class BackupBenchmark {
  private BackupBenchmark() {}

  /** Runs on the sample tree and a generated tree of 2,000 files (256 MiB) below {@code work}. */
  static void run(Path samples, Path work) throws Exception {
    int files = 2000;
    int mib = 256;
    Files.createDirectories(work);
    try {
      System.out.printf(
          Locale.ROOT,
          "%-34s %7s %9s %9s %9s %8s%n",
          "run",
          "files",
          "MiB",
          "files/s",
          "MiB/s",
          "ratio");
      Path sampleCopy = copy(samples, work.resolve("sample/Media"));
      bench("sample tree", sampleCopy, work.resolve("sample"));
      Path generated =
          generate(samples, work.resolve("generated/Media"), files, mib * 1024L * 1024L);
      bench("generated tree", generated, work.resolve("generated"));
    } finally {
      deleteTree(work);
    }
  }

  private static void bench(String name, Path media, Path dir) throws Exception {
    List<Path> all;
    try (Stream<Path> s = Files.walk(media)) {
      all = s.filter(Files::isRegularFile).toList();
    }
    long bytes = 0;
    for (Path p : all) {
      bytes += Files.size(p);
    }
    // Warm the page cache and the JIT once, so neither the baseline nor the run pays for it alone.
    hashAll(all);
    long t0 = System.nanoTime();
    hashAll(all);
    double baselineSeconds = (System.nanoTime() - t0) / 1e9;
    double baselineMibs = bytes / 1048576.0 / baselineSeconds;
    row(name + ": hash baseline", all.size(), bytes, baselineSeconds, 1.0);

    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")))) {
      Backups backups =
          new Backups(
              BackupEnvironment.google(
                  dir.resolve("wa.db"),
                  AccessTokens.NONE,
                  GoogleEndpoints.at(emulator.baseUri()),
                  LockOwner.create("bench", ProcessHandle.current().pid())));
      for (String label : List.of("first upload", "second run (unchanged)")) {
        long start = System.nanoTime();
        RunSummary summary =
            backups.backup(
                List.of(new LocalFileSource(List.of(media))),
                UploadOptions.defaults(),
                RunControl.create(),
                RunListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (summary.count(Outcome.FAILED) > 0) {
          throw new IllegalStateException(label + " had failures: " + summary);
        }
        double mibs = bytes / 1048576.0 / seconds;
        row(name + ": " + label, summary.files(), bytes, seconds, mibs / baselineMibs);
        System.out.printf(
            Locale.ROOT,
            "%-34s uploaded %d, duplicates %d, unchanged %d, sent %.1f MiB%n",
            "",
            summary.count(Outcome.UPLOADED),
            summary.count(Outcome.DUPLICATE),
            summary.count(Outcome.UNCHANGED),
            summary.bytesSent() / 1048576.0);
        if (label.startsWith("first")) {
          photosRequests(new EmulatorInspector(emulator.baseUri()), backups);
        }
      }
    }
  }

  /**
   * Photos requests per Photos item of the first upload, as the emulator counted them (Google
   * allows 10,000 a day, uploads included), next to what {@code status} recorded.
   */
  private static void photosRequests(EmulatorInspector inspector, Backups backups)
      throws IOException {
    int requests = 0;
    for (String route :
        List.of("photos.upload", "photos.batchCreate", "photos.albums", "photos.mediaItems")) {
      requests += inspector.requests(route);
    }
    int items = 0;
    for (var e : inspector.items()) {
      items += e.getAsJsonObject().get("service").getAsString().equals("photos") ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%-34s Photos: %d requests for %d items = %.4f per item (status recorded %d)%n",
        "",
        requests,
        items,
        items == 0 ? 0.0 : requests / (double) items,
        backups.status(1).map(r -> r.photosQuota().requestsToday()).orElse(0L));
  }

  private static void row(String name, int files, long bytes, double seconds, double ratio) {
    System.out.printf(
        Locale.ROOT,
        "%-34s %7d %9.1f %9.1f %9.1f %8.2f%n",
        name,
        files,
        bytes / 1048576.0,
        files / seconds,
        bytes / 1048576.0 / seconds,
        ratio);
  }

  private static void hashAll(List<Path> files) throws IOException {
    ContentHasher hasher = new ContentHasher();
    LocalFileSource local = new LocalFileSource(List.of());
    for (Path p : files) {
      try (MediaContent content = local.open(SourceKeys.file(p.toAbsolutePath().toString()))) {
        hasher.fingerprint(content, p.getFileName().toString());
      }
    }
  }

  /**
   * A WhatsApp-like tree: 60 % images (a real JPEG head + random bytes), 10 % videos (real MP4
   * head), 20 % voice notes, 10 % documents; sizes spread around the mean; 10 % of files are
   * byte-identical copies under other names (Sent/).
   */
  private static Path generate(Path samples, Path media, int files, long totalBytes)
      throws IOException {
    byte[] jpeg = Files.readAllBytes(samples.resolve("WhatsApp Images/IMG-20231105-WA0012.jpg"));
    byte[] mp4 = Files.readAllBytes(samples.resolve("WhatsApp Video/VID-20231224-WA0002.mp4"));
    byte[] opus =
        Files.readAllBytes(samples.resolve("WhatsApp Voice Notes/202345/PTT-20231105-WA0004.opus"));
    byte[] pdf = Files.readAllBytes(samples.resolve("WhatsApp Documents/DOC-20231010-WA0003.pdf"));
    Random random = new Random(42);
    long mean = totalBytes / files;
    Path previous = null;
    for (int i = 0; i < files; i++) {
      int kind = i % 10;
      String folder;
      String name;
      byte[] head;
      if (kind < 6) {
        folder = "WhatsApp Images";
        name = String.format("IMG-2024%04d-WA%04d.jpg", 101 + i % 1000, i);
        head = jpeg;
      } else if (kind == 6) {
        folder = "WhatsApp Video";
        name = String.format("VID-2024%04d-WA%04d.mp4", 101 + i % 1000, i);
        head = mp4;
      } else if (kind < 9) {
        folder = "WhatsApp Voice Notes/2024" + (10 + i % 40);
        name = String.format("PTT-2024%04d-WA%04d.opus", 101 + i % 1000, i);
        head = opus;
      } else {
        folder = "WhatsApp Documents";
        name = String.format("DOC-2024%04d-WA%04d.pdf", 101 + i % 1000, i);
        head = pdf;
      }
      Path dir = Files.createDirectories(media.resolve(folder));
      Path file = dir.resolve(name);
      if (previous != null && i % 10 == 5) {
        Path sent = Files.createDirectories(media.resolve("WhatsApp Images/Sent"));
        Files.copy(
            previous,
            sent.resolve(
                "dup-"
                    + name.replace(".opus", ".jpg")
                        .replace(".pdf", ".jpg")
                        .replace(".mp4", ".jpg")),
            StandardCopyOption.REPLACE_EXISTING);
      }
      long size = head.length + 1024 + (long) (mean * (0.25 + random.nextDouble() * 1.5));
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(head, 0, (int) Math.min(head.length, size));
        byte[] block = new byte[64 * 1024];
        long left = size - Math.min(head.length, size);
        while (left > 0) {
          random.nextBytes(block);
          int n = (int) Math.min(block.length, left);
          out.write(block, 0, n);
          left -= n;
        }
      }
      previous = file;
    }
    return media;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
