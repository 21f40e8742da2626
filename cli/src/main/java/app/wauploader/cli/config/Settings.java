package app.wauploader.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when it is not on the command line: the environment ({@code
 * WA_UPLOADER_<OPTION>}, e.g. {@code WA_UPLOADER_CHUNK_SIZE}), then the config file ({@link
 * ConfigFile}: the command's own table, e.g. {@code [upload]}, then the top level), then the
 * option's built-in default. picocli asks this provider for every option it did not see; a flag
 * therefore always wins.
 */
public final class Settings implements CommandLine.IDefaultValueProvider {
  /** Prefix of the environment variables. */
  public static final String ENV_PREFIX = "WA_UPLOADER_";

  /**
   * Where one value came from.
   *
   * @param kind {@code env}, {@code file} or {@code default}
   * @param where the variable's name, {@code FILE:LINE}, or empty for a default
   * @param key the variable, or the key in the file ({@code upload.transfers} when in a table)
   */
  public record Origin(String kind, String where, String key) {
    @Override
    public String toString() {
      return where.isEmpty() ? kind : kind + " " + where;
    }
  }

  private final Map<String, String> env;
  private final ConfigFile file;

  public Settings(Map<String, String> env, ConfigFile file) {
    this.env = env;
    this.file = file;
  }

  /** The config file (possibly absent, possibly with a problem). */
  public ConfigFile file() {
    return file;
  }

  /** Options never taken from the environment or the file. */
  static boolean configurable(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return false;
    }
    return !option.usageHelp()
        && !option.versionHelp()
        && !option.longestName().equals("--verbose")
        && option.longestName().startsWith("--");
  }

  /** The key of an option in the file and the environment: its long name without dashes. */
  static String key(OptionSpec option) {
    return option.longestName().substring(2);
  }

  /** {@code WA_UPLOADER_CHUNK_SIZE} for {@code --chunk-size}. */
  public static String envName(OptionSpec option) {
    return ENV_PREFIX + key(option).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The command's table in the file: {@code upload}, {@code chats.import}; empty for the top. */
  static String section(CommandSpec command) {
    List<String> names = new ArrayList<>();
    for (CommandSpec c = command; c != null && c.parent() != null; c = c.parent()) {
      names.add(0, c.name());
    }
    return String.join(".", names);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    return resolve(arg).map(v -> v.value).orElse(null);
  }

  /** The value and origin of {@code arg} from the environment or the file, if either has one. */
  public Optional<Resolved> resolve(ArgSpec arg) {
    if (!configurable(arg)) {
      return Optional.empty();
    }
    OptionSpec option = (OptionSpec) arg;
    String variable = envName(option);
    String fromEnv = env.get(variable);
    if (fromEnv != null) {
      return Optional.of(new Resolved(fromEnv, new Origin("env", variable, variable)));
    }
    CommandSpec command = option.command();
    if (command == null || file.problem().isPresent()) {
      return Optional.empty();
    }
    Optional<ConfigFile.Entry> entry = file.find(section(command), key(option));
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    ConfigFile.Entry e = entry.get();
    return Optional.of(
        new Resolved(
            e.asOptionValue(option), new Origin("file", file.path() + ":" + e.line(), e.key())));
  }

  /** A value and where it came from. */
  public static final class Resolved {
    final String value;
    final Origin origin;

    Resolved(String value, Origin origin) {
      this.value = value;
      this.origin = origin;
    }

    public String value() {
      return value;
    }

    public Origin origin() {
      return origin;
    }
  }

  /**
   * Every configurable option of {@code root} and its subcommands, by table ({@code ""} for the top
   * command), in command order.
   */
  public static Map<String, List<OptionSpec>> options(CommandLine root) {
    Map<String, List<OptionSpec>> all = new LinkedHashMap<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandLine command, Map<String, List<OptionSpec>> all) {
    List<OptionSpec> options = new ArrayList<>();
    for (OptionSpec o : command.getCommandSpec().options()) {
      if (configurable(o)) {
        options.add(o);
      }
    }
    all.put(section(command.getCommandSpec()), options);
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!sub.getCommandSpec().name().equals("help")) {
        collect(sub, all);
      }
    }
  }

  /** The file path shown in messages. */
  public Path path() {
    return file.path();
  }
}
