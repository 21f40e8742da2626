package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings precedence as a user meets it — a flag beats {@code WA_UPLOADER_<OPTION>}, which beats
 * {@code config.toml} (a command's table beats the top level), which beats the default — seen in
 * what {@code errors} prints and in what {@code config show} says; and a malformed file names file,
 * line and key, exit 2.
 */
class SettingsTest {
  @TempDir Path dir;
  AppDirs dirs;
  Path file;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    dirs = AppDirs.from(Map.of(), dir.resolve("home"));
    file = dirs.configFile();
    Files.createDirectories(file.getParent());
    db = dir.resolve("none.db");
  }

  private CliRun errors(Map<String, String> env, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "errors";
    args[1] = "--db";
    args[2] = db.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return CliRun.withEnv(env, dirs, args);
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    assertThat(errors(Map.of()).out()).as("default: table").startsWith("no database at");

    Files.writeString(file, "format = \"csv\"\n[errors]\nformat = \"json\"\n");
    CliRun fromFile = errors(Map.of());
    assertThat(JsonParser.parseString(fromFile.out()).getAsJsonObject().has("errors"))
        .as("the [errors] table beats the top level")
        .isTrue();

    Map<String, String> env = Map.of("WA_UPLOADER_FORMAT", "csv");
    assertThat(errors(env).out()).as("env beats file").startsWith("id,session,occurred_at");

    assertThat(errors(env, "--format", "table").out())
        .as("a flag beats env")
        .startsWith("no database at");
  }

  @Test
  void configShowSaysWhichWon() throws Exception {
    Files.writeString(file, "transfers = 2\n\n[errors]\nformat = \"json\"\n[status]\nlimit = 3\n");
    CliRun show = CliRun.withEnv(Map.of("WA_UPLOADER_FORMAT", "csv"), dirs, "config", "show");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("config file " + file)
        .containsPattern("errors --format +csv +env WA_UPLOADER_FORMAT")
        .containsPattern("status --limit +3 +file " + java.util.regex.Pattern.quote(file + ":6"))
        .containsPattern(
            "upload --transfers +2 +file " + java.util.regex.Pattern.quote(file + ":1"))
        .containsPattern(
            "resume --transfers +2 +file " + java.util.regex.Pattern.quote(file + ":1"))
        .containsPattern("upload --chunk-size +8 +default")
        .containsPattern("errors --limit +50 +default");
  }

  @Test
  void malformedFilesNameFileLineAndKeyAndExitTwo() throws Exception {
    Files.writeString(file, "transfers = 2\n[upload\n");
    CliRun syntax = errors(Map.of());
    assertThat(syntax.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(syntax.err()).startsWith("wa-uploader: " + file + ":2: ");
    assertThat(syntax.out()).isEmpty();

    Files.writeString(file, "transfers = 2\n[upload]\ntranfsers = 3\n");
    CliRun unknown = errors(Map.of());
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(unknown.err())
        .contains(
            file + ":3: key 'upload.tranfsers': 'wa-uploader upload' has no option --tranfsers");

    Files.writeString(file, "[nope]\nlimit = 1\n");
    assertThat(errors(Map.of()).err()).contains(file + ":1: key 'nope'");

    Files.writeString(file, "\ninclude-stickers = \"yes\"\n");
    CliRun shape = errors(Map.of());
    assertThat(shape.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(shape.err())
        .contains(file + ":2: key 'include-stickers': ")
        .contains("true or false");

    Files.writeString(file, "[status]\n\nlimit = \"ten\"\n");
    CliRun type = CliRun.withEnv(Map.of(), dirs, "status", "--db", db.toString());
    assertThat(type.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(type.err())
        .contains(file + ":3: key 'status.limit': ")
        .contains("'ten' is not an int");

    CliRun env =
        CliRun.withEnv(Map.of("WA_UPLOADER_LIMIT", "many"), dirs, "errors", "--db", db.toString());
    Files.delete(file);
    assertThat(env.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(env.err()).contains("WA_UPLOADER_LIMIT: ").contains("'many' is not an int");
  }
}
