package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {
  @TempDir Path dataDir;

  @Test
  void printsTheListeningLineAndServesUntilStopped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                EmulatorMain.run(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    stop,
                    false,
                    "--port",
                    "0",
                    "--data",
                    dataDir.toString(),
                    "--bandwidth",
                    "0",
                    "--token-ttl",
                    "60"));

    String line = awaitLine(out);
    assertThat(line).matches("emulator listening on http://127\\.0\\.0\\.1:\\d+");
    TestHttp http = new TestHttp(URI.create(line.substring("emulator listening on ".length())));
    assertThat(http.get("/__emulator/stats").status()).isEqualTo(200);

    stop.countDown();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(EmulatorMain.EXIT_OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static String awaitLine(ByteArrayOutputStream out) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String text = out.toString(StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        return text.strip();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no listening line; got: " + out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badArgumentsExitWithUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(0);

    assertThat(EmulatorMain.run(out, errStream, stop, false, "--port", "0"))
        .isEqualTo(EmulatorMain.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--data DIR is required")
        .contains("usage:");
    assertThat(
            EmulatorMain.run(
                out, errStream, stop, false, "--data", dataDir.toString(), "--port", "x"))
        .isEqualTo(EmulatorMain.EXIT_USAGE);
    assertThat(
            EmulatorMain.run(out, errStream, stop, false, "--data", dataDir.toString(), "--bogus"))
        .isEqualTo(EmulatorMain.EXIT_USAGE);
  }

  @Test
  void parsesEveryOption() {
    EmulatorConfig config =
        EmulatorMain.parse(
            "--port",
            "8080",
            "--data",
            "d",
            "--bandwidth",
            "1000",
            "--require-auth",
            "--token-ttl",
            "5",
            "--faults",
            "f.json");
    assertThat(config)
        .isEqualTo(new EmulatorConfig(8080, Path.of("d"), 1000, true, 5, Path.of("f.json")));
    assertThat(EmulatorMain.parse("--data", "d")).isEqualTo(EmulatorConfig.defaults(Path.of("d")));
  }
}
