package app.wauploader.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the tool keeps its files, following the XDG base directories (which Termux sets): data in
 * {@code $XDG_DATA_HOME/wa-uploader} (default {@code ~/.local/share/wa-uploader}), configuration
 * and credentials in {@code $XDG_CONFIG_HOME/wa-uploader} (default {@code ~/.config/wa-uploader}),
 * logs in {@code $XDG_STATE_HOME/wa-uploader} (default {@code ~/.local/state/wa-uploader}). All are
 * in the app's private home, never on shared storage.
 */
public record AppDirs(Path home, Path data, Path config, Path state) {
  /** From the process environment and {@code user.home}. */
  public static AppDirs fromEnvironment() {
    return from(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public static AppDirs from(Map<String, String> env, Path home) {
    Path data = dir(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("wa-uploader");
    Path config = dir(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("wa-uploader");
    Path state =
        dir(env.get("XDG_STATE_HOME"), home.resolve(".local/state")).resolve("wa-uploader");
    return new AppDirs(home, data, config, state);
  }

  private static Path dir(String value, Path fallback) {
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }

  /** The settings file: {@code $XDG_CONFIG_HOME/wa-uploader/config.toml}. */
  public Path configFile() {
    return config.resolve("config.toml");
  }

  /** Where upload and resume keep their per-run logs. */
  public Path logs() {
    return state.resolve("logs");
  }

  /** Default database file. */
  public Path defaultDatabase() {
    return data.resolve("wa-uploader.db");
  }
}
