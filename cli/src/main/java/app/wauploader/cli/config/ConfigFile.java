package app.wauploader.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code $XDG_CONFIG_HOME/wa-uploader/config.toml}: keys are long option names without the dashes
 * ({@code transfers = 2}, {@code chunk-size = 4}, {@code include-stickers = true}, {@code backoff =
 * [2, 30]}), at the top level (for every command that has the option) or in a command's table
 * ({@code [upload]}, {@code [status]}, {@code [chats.import]}), which wins. Parsed by tomlj (TOML
 * 1.0). Checked against the commands when loaded: a syntax error, an unknown table or key, a value
 * of the wrong shape is a {@link Problem} naming file, line and key — the CLI stops with exit 2.
 */
public final class ConfigFile {
  /**
   * What is wrong with the file.
   *
   * @param line 1-based, 0 when unknown
   * @param key the dotted key at fault, empty for a syntax error
   */
  public record Problem(Path file, int line, String key, String message) {
    /** {@code FILE:LINE: key 'k': message}. */
    public String describe() {
      return file
          + (line > 0 ? ":" + line : "")
          + ": "
          + (key.isEmpty() ? "" : "key '" + key + "': ")
          + message;
    }
  }

  /**
   * One key's value and its line; {@code key} is dotted with its table ({@code upload.transfers}).
   */
  public record Entry(String key, Object value, int line) {
    /** The value as picocli takes it for {@code option}. */
    String asOptionValue(OptionSpec option) {
      if (value instanceof TomlArray array) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
          parts.add(scalar(array.get(i)));
        }
        return String.join(split(option), parts);
      }
      return scalar(value);
    }

    private static String scalar(Object v) {
      return String.valueOf(v);
    }
  }

  private final Path path;
  private final Map<String, Map<String, Entry>> sections;
  private final Optional<Problem> problem;

  private ConfigFile(
      Path path, Map<String, Map<String, Entry>> sections, Optional<Problem> problem) {
    this.path = path;
    this.sections = sections;
    this.problem = problem;
  }

  /** No file. */
  public static ConfigFile none(Path path) {
    return new ConfigFile(path, Map.of(), Optional.empty());
  }

  /**
   * Reads {@code path} (absent: no settings) and checks it against {@code options}: each table
   * ({@code ""} the top) with the options its command has.
   */
  public static ConfigFile load(Path path, Map<String, List<OptionSpec>> options) {
    if (!Files.exists(path)) {
      return none(path);
    }
    TomlParseResult toml;
    try {
      toml = Toml.parse(path);
    } catch (IOException e) {
      return failed(path, 0, "", "cannot be read: " + e.getMessage());
    }
    if (toml.hasErrors()) {
      TomlParseError error = toml.errors().get(0);
      return failed(path, line(error.position()), "", error.getMessage());
    }
    Map<String, Map<String, OptionSpec>> known = new LinkedHashMap<>();
    Set<String> anywhere = new HashSet<>();
    options.forEach(
        (section, specs) -> {
          Map<String, OptionSpec> keys = new LinkedHashMap<>();
          for (OptionSpec o : specs) {
            keys.put(Settings.key(o), o);
            anywhere.add(Settings.key(o));
          }
          known.put(section, keys);
        });
    Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
    Optional<Problem> problem = read(path, toml, "", known, anywhere, sections);
    return new ConfigFile(path, sections, problem);
  }

  private static Optional<Problem> read(
      Path path,
      TomlTable table,
      String section,
      Map<String, Map<String, OptionSpec>> known,
      Set<String> anywhere,
      Map<String, Map<String, Entry>> sections) {
    Map<String, Entry> entries = sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
    for (String key : table.keySet()) {
      List<String> quoted = List.of(key);
      Object value = table.get(quoted);
      String dotted = section.isEmpty() ? key : section + "." + key;
      int line = line(table.inputPositionOf(quoted));
      if (value instanceof TomlTable sub) {
        if (!known.containsKey(dotted) && !isPrefix(dotted, known)) {
          return Optional.of(
              new Problem(
                  path,
                  line,
                  dotted,
                  "no command 'wa-uploader " + dotted.replace('.', ' ') + "' has settings"));
        }
        Optional<Problem> p = read(path, sub, dotted, known, anywhere, sections);
        if (p.isPresent()) {
          return p;
        }
        continue;
      }
      Map<String, OptionSpec> options = known.getOrDefault(section, Map.of());
      OptionSpec option = options.get(key);
      if (section.isEmpty() && option == null && anywhere.contains(key)) {
        option = firstWith(key, known);
      }
      if (option == null) {
        return Optional.of(
            new Problem(
                path,
                line,
                dotted,
                section.isEmpty()
                    ? "no command has an option --" + key
                    : "'wa-uploader " + section.replace('.', ' ') + "' has no option --" + key));
      }
      Optional<String> shape = shapeProblem(value, option);
      if (shape.isPresent()) {
        return Optional.of(new Problem(path, line, dotted, shape.get()));
      }
      entries.put(key, new Entry(dotted, value, line));
    }
    return Optional.empty();
  }

  private static boolean isPrefix(String dotted, Map<String, Map<String, OptionSpec>> known) {
    for (String s : known.keySet()) {
      if (s.startsWith(dotted + ".")) {
        return true;
      }
    }
    return false;
  }

  private static OptionSpec firstWith(String key, Map<String, Map<String, OptionSpec>> known) {
    for (Map<String, OptionSpec> options : known.values()) {
      if (options.containsKey(key)) {
        return options.get(key);
      }
    }
    return null;
  }

  /** Why {@code value} cannot be {@code option}'s, if it cannot. */
  private static Optional<String> shapeProblem(Object value, OptionSpec option) {
    boolean flag = option.typeInfo().isBoolean() && !option.isMultiValue();
    if (flag && !(value instanceof Boolean)) {
      return Optional.of("--" + Settings.key(option) + " is a switch: write true or false");
    }
    if (!flag && value instanceof Boolean) {
      return Optional.of("--" + Settings.key(option) + " takes a value, not true/false");
    }
    if (value instanceof TomlArray array) {
      if (!option.isMultiValue() || (array.size() > 1 && split(option).isEmpty())) {
        return Optional.of(
            "--"
                + Settings.key(option)
                + (option.isMultiValue()
                    ? " takes one value in the config file"
                    : " takes one value, not a list"));
      }
      for (int i = 0; i < array.size(); i++) {
        Object element = array.get(i);
        if (element instanceof TomlTable || element instanceof TomlArray) {
          return Optional.of("a list of plain values is expected");
        }
      }
      return Optional.empty();
    }
    if (value instanceof TomlTable) {
      return Optional.of("a value is expected, not a table");
    }
    return Optional.empty();
  }

  /** The option's split separator when it is a plain string ({@code ,}), else empty. */
  private static String split(OptionSpec option) {
    String regex = option.splitRegex();
    return regex.equals(",") || regex.equals(";") ? regex : "";
  }

  private static int line(TomlPosition position) {
    return position == null ? 0 : position.line();
  }

  private static ConfigFile failed(Path path, int line, String key, String message) {
    return new ConfigFile(path, Map.of(), Optional.of(new Problem(path, line, key, message)));
  }

  public Path path() {
    return path;
  }

  public boolean exists() {
    return Files.exists(path);
  }

  public Optional<Problem> problem() {
    return problem;
  }

  /** The entry for {@code key}: in table {@code section} first, then at the top level. */
  Optional<Entry> find(String section, String key) {
    Map<String, Entry> own = sections.get(section);
    if (own != null && own.containsKey(key)) {
      return Optional.of(own.get(key));
    }
    Map<String, Entry> top = sections.get("");
    return top == null ? Optional.empty() : Optional.ofNullable(top.get(key));
  }
}
