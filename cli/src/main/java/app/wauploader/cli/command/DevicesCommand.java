package app.wauploader.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devices}: the devices sharing the catalog in the user's Google Drive. */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description =
        "List the devices that share the catalog in your Google Drive (each phone or Termux"
            + " saves its own in the app's hidden folder after a run that changed it), when each"
            + " last saved, and anything a merge found twice (the same content sent by two"
            + " devices at once, or two albums of one name).")
public final class DevicesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Ask this base URL with Google's paths (the emulator); default: Google's.")
  String endpointText;

  @Override
  public Integer call() throws Exception {
    return GoogleCatalog.devices(
        database.path(), endpointText, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
