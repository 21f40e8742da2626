package app.wauploader.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one command as its own process and measures it: wall time (seconds), peak resident set size
 * (KiB, the kernel's {@code VmHWM} read every 20 ms until the process ends; Linux only — the
 * benchmark is a developer's tool, not core) and its output.
 */
final class Commands {
  private final Map<String, String> environment;

  /**
   * @param environment variables added to every command (the CLI's XDG directories, so a benchmark
   *     never reads or writes the developer's own settings, logs or sign-in)
   */
  Commands(Map<String, String> environment) {
    this.environment = environment;
  }

  /** What one run took. */
  record Run(double seconds, long peakRssKib, int exitCode, String stdout, String stderr) {
    Run ok(String what) {
      if (exitCode != 0) {
        throw new IllegalStateException(
            what + " exited " + exitCode + ": " + tail(stderr) + " " + tail(stdout));
      }
      return this;
    }

    private static String tail(String s) {
      return s.length() <= 600 ? s : "…" + s.substring(s.length() - 600);
    }
  }

  /** Runs {@code command} (argv, no shell). */
  Run run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    try {
      long start = System.nanoTime();
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      Path status = Path.of("/proc", Long.toString(process.pid()), "status");
      long peak = 0;
      while (process.isAlive()) {
        peak = Math.max(peak, peakRss(status));
        process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(seconds, peak, process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Runs {@code script} with {@code bash -c} (baselines are shell pipelines). */
  Run shell(String script) {
    return run(List.of("bash", "-c", "set -eo pipefail; " + script));
  }

  /** The median of {@code times} runs (a cold JVM each time), by wall time. */
  Run median(int times, List<String> command) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.add(run(command).ok(String.join(" ", command)));
    }
    return medianOf(runs);
  }

  static Run medianOf(List<Run> runs) {
    Run[] sorted = runs.toArray(new Run[0]);
    Arrays.sort(sorted, (a, b) -> Double.compare(a.seconds(), b.seconds()));
    return sorted[sorted.length / 2];
  }

  /** Whether {@code program} is on the PATH. */
  static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static long peakRss(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // The process ended between the check and the read.
    }
    return 0;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
