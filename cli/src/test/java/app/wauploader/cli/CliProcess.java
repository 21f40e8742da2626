package app.wauploader.cli;

import app.wauploader.emulator.EmulatorInspector;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs wa-uploader as a separate process, as a user does (so it can be killed with SIGKILL), with
 * HOME and the XDG directories inside a test's sandbox; stdout and stderr merged.
 */
public final class CliProcess {
  private CliProcess() {}

  /** Starts {@code wa-uploader ARGS…} with its home under {@code sandbox}. */
  public static Process start(Path sandbox, String... args) throws IOException {
    return start(sandbox, java.util.Map.of(), args);
  }

  /** The same with {@code env} added to the environment. */
  public static Process start(Path sandbox, java.util.Map<String, String> env, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HOME", sandbox.resolve("home").toString());
    pb.environment().put("XDG_CONFIG_HOME", sandbox.resolve("config").toString());
    pb.environment().put("XDG_DATA_HOME", sandbox.resolve("data").toString());
    pb.environment().put("XDG_STATE_HOME", sandbox.resolve("state").toString());
    pb.environment().keySet().removeIf(k -> k.startsWith("WA_UPLOADER_"));
    pb.environment().putAll(env);
    return pb.start();
  }

  /**
   * Sends SIGTERM (what Android, {@code kill} or a closing terminal send; Ctrl-C's SIGINT runs the
   * same shutdown hooks), keeping the output readable ({@link Process#destroy} would close it).
   */
  public static void terminate(Process p) {
    // ProcessHandle.destroy() sends SIGTERM without closing this side's pipes, as
    // Process.destroy() would; no external 'kill' binary needed.
    p.toHandle().destroy();
  }

  /** Starts {@code upload --source MEDIA --endpoint URL --db DB --no-progress EXTRA…}. */
  public static Process upload(Path sandbox, Path media, URI endpoint, Path db, String... extra)
      throws IOException {
    return upload(sandbox, java.util.Map.of(), media, endpoint, db, extra);
  }

  /** The same with {@code env} added to the environment. */
  public static Process upload(
      Path sandbox,
      java.util.Map<String, String> env,
      Path media,
      URI endpoint,
      Path db,
      String... extra)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "upload",
                "--source",
                media.toString(),
                "--endpoint",
                endpoint.toString(),
                "--db",
                db.toString(),
                "--no-progress"));
    args.addAll(List.of(extra));
    return start(sandbox, env, args.toArray(new String[0]));
  }

  /**
   * Waits until the emulator has received at least {@code bytes} upload bytes in all.
   *
   * @return true once reached with {@code p} still running; false if {@code p} ended first
   * @throws AssertionError if neither happens within {@code timeout}
   */
  public static boolean awaitBytes(
      Process p, EmulatorInspector inspector, long bytes, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        return false;
      }
      if (inspector.bytesReceived() >= bytes) {
        return true;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the upload made no progress within " + timeout);
  }

  /** Waits (at most {@code seconds}) and returns everything the process printed. */
  public static String finish(Process p, long seconds) throws IOException, InterruptedException {
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("wa-uploader did not finish within " + seconds + " s: " + output);
    }
    return output;
  }
}
