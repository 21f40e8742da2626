package app.wauploader.cli.command;

import app.wauploader.cli.config.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code config show}: every setting in force and where it comes from. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Settings: flags win, then environment variables WA_UPLOADER_<OPTION> (e.g."
            + " WA_UPLOADER_TRANSFERS=2), then $XDG_CONFIG_HOME/wa-uploader/config.toml (keys are"
            + " long option names, e.g. 'transfers = 2', at the top or under [upload], [status],"
            + " …), then the defaults.",
    subcommands = {ConfigCommand.Show.class})
public final class ConfigCommand {
  /** {@code config show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show every option of every command with the value it takes when not given as a flag,"
              + " and where that value comes from: env VARIABLE, file FILE:LINE, or default.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Settings settings = WaUploaderCommand.settings(spec);
      out.printf(
          "config file %s%s%n",
          settings.path(),
          settings.file().exists() ? "" : " (none: create it to change the defaults)");
      out.println("a flag on the command line wins over every value below");
      out.printf("%-40s %-24s %s%n", "setting", "value", "from");
      for (Map.Entry<String, List<OptionSpec>> section :
          Settings.options(spec.root().commandLine()).entrySet()) {
        String command =
            section.getKey().isEmpty() ? "wa-uploader" : section.getKey().replace('.', ' ');
        for (OptionSpec option : section.getValue()) {
          Optional<Settings.Resolved> resolved = settings.resolve(option);
          String value =
              resolved.isPresent()
                  ? resolved.get().value()
                  : option.defaultValue() == null ? "(none)" : option.defaultValue();
          String from = resolved.isPresent() ? resolved.get().origin().toString() : "default";
          out.printf("%-40s %-24s %s%n", command + " " + option.longestName(), value, from);
        }
      }
      out.flush();
      return 0;
    }
  }
}
