package app.wauploader.bench;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The figures of issue 13, each beside its baseline from the same run. Our side is always the CLI
 * as a user runs it: {@code bin/wa-uploader} (its default heap and JVM flags), a cold JVM each
 * time, against the emulator on loopback.
 */
final class Figures {
  private static final double MIB = 1024.0 * 1024.0;

  private final Path launcher;
  private final Trees trees;
  private final Path work;
  private final Commands commands;
  private final boolean quick;
  private final Bench.Table table;
  private final int hashThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final String rerunSizes;

  Figures(
      Path launcher,
      Trees trees,
      Path work,
      Commands commands,
      boolean quick,
      String rerunSizes,
      Bench.Table table) {
    this.rerunSizes = rerunSizes;
    this.launcher = launcher;
    this.trees = trees;
    this.work = work;
    this.commands = commands;
    this.quick = quick;
    this.table = table;
  }

  /** {@code wa-uploader --help}, cold: the first run (which writes the class archive) and after. */
  void help() {
    Commands.Run first = commands.run(List.of(launcher.toString(), "--help")).ok("--help");
    Commands.Run help = commands.median(5, List.of(launcher.toString(), "--help"));
    Commands.Run jvm = commands.median(5, List.of("java", "-version"));
    table.add(
        "--help, cold JVM (first run " + seconds(first.seconds()) + ")",
        seconds(help.seconds()),
        "java -version " + seconds(jvm.seconds()),
        Double.NaN,
        "≤ 0.300 s",
        help.seconds() <= 0.3);
  }

  /** Cold hash + plan ({@code upload --dry-run}) against openssl with as many processes. */
  void hash() throws IOException {
    int files = quick ? 300 : 1000;
    long bytes = (quick ? 400 : 1450) * (long) MIB;
    Path media = trees.photos(work.resolve("hash/Media"), files, bytes);
    commands.shell("find '" + media + "' -type f -exec cat {} + > /dev/null").ok("warm-up");
    int perProcess = (files + hashThreads - 1) / hashThreads;
    String openssl =
        String.format(
            Locale.ROOT,
            "find '%s' -type f -print0 | xargs -0 -P%d -n%d openssl dgst -sha256 > /dev/null",
            media,
            hashThreads,
            perProcess);
    List<Commands.Run> ours = new ArrayList<>();
    List<Commands.Run> base = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      base.add(commands.shell(openssl).ok("openssl"));
      ours.add(
          commands
              .run(
                  List.of(
                      launcher.toString(),
                      "upload",
                      "--dry-run",
                      "--no-progress",
                      "--source",
                      media.toString(),
                      "--db",
                      work.resolve("hash/db" + i + "/wa.db").toString()))
              .ok("upload --dry-run"));
    }
    double o = Commands.medianOf(ours).seconds();
    double b = Commands.medianOf(base).seconds();
    table.add(
        String.format(Locale.ROOT, "hash + plan %d photos, %.0f MiB (dry run)", files, bytes / MIB),
        String.format(Locale.ROOT, "%s (%.0f MiB/s)", seconds(o), bytes / MIB / o),
        String.format(Locale.ROOT, "openssl ×%d %s", hashThreads, seconds(b)),
        b / o,
        "≥ 0.80× throughput",
        b / o >= 0.8);
    if (Commands.installed("rclone")) {
      double r =
          commands
              .median(
                  3,
                  List.of(
                      "rclone",
                      "hashsum",
                      "sha256",
                      "--checkers",
                      "" + hashThreads,
                      media.toString()))
              .seconds();
      table.add("  same files", seconds(o), "rclone hashsum " + seconds(r), r / o, "—", true);
    }
    Trees.deleteTree(work.resolve("hash"));
  }

  /** One large video, hashed and sent, against {@code sha256sum && curl -T} to the emulator. */
  void large() throws IOException {
    long bytes = (quick ? 256 : 1024) * (long) MIB;
    Path media = work.resolve("large/Media");
    Path file = trees.video(media, bytes, false);
    commands.shell("cat '" + file + "' > /dev/null").ok("warm-up");
    List<Commands.Run> ours = new ArrayList<>();
    List<Commands.Run> base = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // A new emulator each time: the catalog in Drive would make a second database's run a
      // duplicate of the first's.
      try (GoogleEmulator emulator = emulator("large/emulator" + i)) {
        String curl =
            String.format(
                Locale.ROOT,
                "sha256sum '%s' > /dev/null && curl -sS -f -o /dev/null -X POST -T '%s'"
                    + " -H 'Content-Type: application/octet-stream'"
                    + " -H 'X-Goog-Upload-Protocol: raw'"
                    + " -H 'X-Goog-Upload-Content-Type: video/mp4' %s/v1/uploads",
                file,
                file,
                emulator.baseUri());
        base.add(commands.shell(curl).ok("sha256sum && curl"));
        Commands.Run run = upload(media, emulator, "large/db" + i, List.of("--json"));
        if (!run.stdout().contains("\"uploaded\":1")) {
          throw new IllegalStateException("the video was not uploaded: " + run.stdout());
        }
        ours.add(run);
      }
      Trees.deleteTree(work.resolve("large/emulator" + i));
    }
    double o = Commands.medianOf(ours).seconds();
    double b = Commands.medianOf(base).seconds();
    table.add(
        String.format(Locale.ROOT, "one %.0f MiB video to the emulator", bytes / MIB),
        String.format(Locale.ROOT, "%s (%.0f MiB/s)", seconds(o), bytes / MIB / o),
        "sha256sum && curl -T " + seconds(b),
        b / o,
        "≥ 0.90×",
        b / o >= 0.9);
    Trees.deleteTree(work.resolve("large"));
  }

  /** Many 100 KiB Drive files with 4 transfers. */
  void small() throws IOException {
    int files = quick ? 2000 : 10_000;
    Path media = trees.voiceNotes(work.resolve("small/Media"), files, 100 * 1024);
    try (GoogleEmulator emulator = emulator("small/emulator")) {
      Commands.Run run = upload(media, emulator, "small/db", List.of("--transfers", "4", "--json"));
      if (!run.stdout().contains("\"uploaded\":" + files)) {
        throw new IllegalStateException("not every voice note was uploaded: " + run.stdout());
      }
      double rate = files / run.seconds();
      table.add(
          String.format(Locale.ROOT, "%,d × 100 KiB voice notes, 4 transfers", files),
          String.format(Locale.ROOT, "%.0f files/s (%s)", rate, seconds(run.seconds())),
          "—",
          Double.NaN,
          "≥ 400 files/s",
          rate >= 400);
    }
    Trees.deleteTree(work.resolve("small"));
  }

  /**
   * Re-runs over 1k/10k/100k unchanged voice notes against restic's re-run (when installed) and
   * find; the first upload of the largest tree carries one 4 GiB video and is the heap figure.
   */
  void rerun() throws IOException {
    int[] sizes =
        rerunSizes != null
            ? java.util.Arrays.stream(rerunSizes.split(",")).mapToInt(Integer::parseInt).toArray()
            : quick ? new int[] {1000, 10_000} : new int[] {1000, 10_000, 100_000};
    long videoBytes = quick ? 512 * (long) MIB : 4096 * (long) MIB;
    double previousSeconds = 0;
    int previousFiles = 0;
    for (int n : sizes) {
      Path root = work.resolve("rerun-" + n);
      Path media = trees.voiceNotes(root.resolve("Media"), n, 1024);
      boolean heap = n == sizes[sizes.length - 1];
      if (heap) {
        trees.video(media, videoBytes, true);
      }
      try (GoogleEmulator emulator = emulator("rerun-" + n + "/emulator")) {
        Commands.Run first = upload(media, emulator, "rerun-" + n + "/db", List.of());
        Commands.Run again = null;
        List<Commands.Run> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          runs.add(upload(media, emulator, "rerun-" + n + "/db", List.of("--json")));
        }
        again = Commands.medianOf(runs);
        if (!again.stdout().contains("\"bytes_sent\":0")) {
          throw new IllegalStateException("a re-run sent bytes: " + again.stdout());
        }
        double find =
            commands
                .median(3, List.of("find", media.toString(), "-type", "f", "-printf", "%s %T@\\n"))
                .seconds();
        String restic = "not installed";
        double ratio = Double.NaN;
        Commands.Run resticFirst = null;
        if (Commands.installed("restic")) {
          Commands restics =
              new Commands(
                  Map.of(
                      "RESTIC_PASSWORD", "bench",
                      "RESTIC_REPOSITORY", root.resolve("restic").toString(),
                      "RESTIC_CACHE_DIR", root.resolve("restic-cache").toString()));
          restics.run(List.of("restic", "-q", "init")).ok("restic init");
          resticFirst = restics.run(List.of("restic", "-q", "backup", media.toString()));
          resticFirst.ok("restic backup");
          double r =
              restics.median(3, List.of("restic", "-q", "backup", media.toString())).seconds();
          restic = "restic " + seconds(r);
          ratio = again.seconds() / r;
        }
        String marginal =
            previousFiles == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    ", +%.1f µs per added file",
                    (again.seconds() - previousSeconds) * 1e6 / (n - previousFiles));
        table.add(
            String.format(Locale.ROOT, "re-run over %,d unchanged files", n),
            String.format(
                Locale.ROOT,
                "%s (%.1f µs/file%s)",
                seconds(again.seconds()),
                again.seconds() * 1e6 / n,
                marginal),
            restic + ", find " + seconds(find),
            ratio,
            "≤ 0.50× restic",
            !Double.isNaN(ratio) && ratio <= 0.5);
        previousSeconds = again.seconds();
        previousFiles = n;
        if (heap) {
          table.add(
              String.format(
                  Locale.ROOT,
                  "first upload of %,d files + one %.0f GiB video",
                  n,
                  videoBytes / MIB / 1024),
              String.format(
                  Locale.ROOT,
                  "launcher's heap, %s, %.0f files/s, peak RSS %d MiB",
                  seconds(first.seconds()),
                  (n + 1) / first.seconds(),
                  first.peakRssKib() / 1024),
              resticFirst == null
                  ? "—"
                  : String.format(
                      Locale.ROOT,
                      "restic first backup %s, peak RSS %d MiB",
                      seconds(resticFirst.seconds()),
                      resticFirst.peakRssKib() / 1024),
              Double.NaN,
              "heap ≤ 64 MiB",
              launcherHeapMib() <= 64);
        }
      }
      Trees.deleteTree(root);
    }
  }

  /** The dedup lookup's p99 at 1,000,000 {@code file_hashes} rows, by JMH. */
  void lookup() throws Exception {
    int rows = quick ? 100_000 : 1_000_000;
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(DedupLookupBenchmark.class.getName())
                    .param("rows", Integer.toString(rows))
                    .param("dir", Files.createDirectories(work.resolve("lookup")).toString())
                    .forks(1)
                    .warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(2))
                    .build())
            .run();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      boolean batch = method.endsWith("lookupInBatch");
      var stats = result.getPrimaryResult().getStatistics();
      double p99 = stats.getPercentile(99.0);
      table.add(
          String.format(
              Locale.ROOT,
              "dedup lookup at %,d rows (JMH), %s",
              rows,
              batch
                  ? DedupLookupBenchmark.BATCH + " per transaction as the planner makes them"
                  : "each in its own read transaction"),
          String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs", stats.getPercentile(50.0), p99),
          "—",
          Double.NaN,
          "p99 ≤ 50 µs",
          p99 <= 50);
    }
  }

  private Commands.Run upload(Path media, GoogleEmulator emulator, String db, List<String> extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                launcher.toString(),
                "upload",
                "--no-progress",
                "--source",
                media.toString(),
                "--endpoint",
                emulator.baseUri().toString(),
                "--db",
                work.resolve(db).resolve("wa.db").toString()));
    command.addAll(extra);
    return commands.run(command).ok("upload " + media);
  }

  private GoogleEmulator emulator(String dir) throws IOException {
    return GoogleEmulator.start(EmulatorConfig.defaults(work.resolve(dir)));
  }

  /** The -Xmx the launcher gives the JVM by default, MiB (its WA_UPLOADER_HEAP default). */
  private int launcherHeapMib() throws IOException {
    for (String line : Files.readAllLines(launcher)) {
      var m = java.util.regex.Pattern.compile("WA_UPLOADER_HEAP:-(\\d+)m").matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f s", s);
  }
}
