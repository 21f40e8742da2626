package app.wauploader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
