package app.wauploader.cli.command;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulator}: run the local Google emulator until killed. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description =
        "Run the bundled emulator of Google Drive, Google Photos and OAuth on 127.0.0.1, storing uploads under --data. Inspect it with GET /__emulator/items, /__emulator/albums and /__emulator/stats.")
public final class EmulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "0", description = "Port (0 = any free port).")
  int port;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Where stored bytes and state live.")
  Path data;

  @Option(
      names = "--bandwidth",
      paramLabel = "BYTES_PER_SECOND",
      defaultValue = "0",
      description = "Throttle upload bodies to this rate (0 = unlimited).")
  long bandwidth;

  @Option(names = "--require-auth", description = "Reject API calls without a valid access token.")
  boolean requireAuth;

  @Option(
      names = "--token-ttl",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "Access token lifetime (default: ${DEFAULT-VALUE}).")
  long tokenTtl;

  @Option(
      names = "--faults",
      paramLabel = "FILE",
      description = "JSON array of fault rules to load.")
  Path faults;

  @Override
  public Integer call() throws Exception {
    EmulatorConfig config =
        EmulatorConfig.defaults(data)
            .withPort(port)
            .withBandwidth(bandwidth)
            .withRequireAuth(requireAuth)
            .withTokenTtl(tokenTtl)
            .withFaultsFile(faults);
    GoogleEmulator emulator = GoogleEmulator.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    spec.commandLine().getOut().println("emulator listening on " + emulator.baseUri());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
