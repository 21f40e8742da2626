package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/wa-uploader}, the launcher users run, on the shaded jar: a 128 MiB heap by default, a
 * class-data archive written by the first run and mapped by the next, sqlite's native library kept
 * in the cache, and nothing of it on stdout (where {@code --json} writes).
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "wa-uploader");

  @TempDir Path dir;

  @Test
  void theFirstRunWritesTheClassArchiveTheNextMapsItAndStdoutCarriesOnlyTheCommandsOutput()
      throws Exception {
    Result first = run(Map.of(), "--version");
    assertThat(first.exit()).isZero();
    assertThat(first.stdout().trim()).startsWith("wa-uploader ");
    assertThat(archives()).hasSize(1);
    Result second = run(Map.of(), "--version");
    assertThat(second.exit()).isZero();
    assertThat(second.stdout()).isEqualTo(first.stdout());
    assertThat(second.stderr()).isEmpty();
    assertThat(archives()).hasSize(1);

    Path media = SampleTree.copyTo(dir.resolve("media"));
    Result dry =
        run(
            Map.of(),
            "upload",
            "--dry-run",
            "--json",
            "--no-progress",
            "--source",
            media.toString(),
            "--db",
            dir.resolve("db/wa.db").toString());
    assertThat(dry.exit()).as(dry.stderr()).isZero();
    List<String> lines = dry.stdout().lines().toList();
    var summary = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    assertThat(summary.get("dry_run").getAsBoolean()).isTrue();
    assertThat(summary.get("planned").getAsInt()).isGreaterThan(10);
    try (Stream<Path> s = Files.walk(dir.resolve("cache/wa-uploader"))) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("libsqlitejdbc")))
          .as("sqlite's library kept in the cache")
          .hasSize(1);
    }
  }

  @Test
  void theDefaultHeapIs128MibAndTheUserCanChangeIt() throws Exception {
    Result flags = run(Map.of("WA_UPLOADER_JAVA_OPTS", "-XX:+PrintFlagsFinal -version"));
    assertThat(flags.stdout()).containsPattern("MaxHeapSize\\s+=\\s+134217728\\b");
    assertThat(flags.stdout()).containsPattern("UseSerialGC\\s+=\\s+true");
    Result bigger =
        run(
            Map.of(
                "WA_UPLOADER_HEAP",
                "256",
                "WA_UPLOADER_JAVA_OPTS",
                "-XX:+PrintFlagsFinal -version"));
    assertThat(bigger.stdout()).containsPattern("MaxHeapSize\\s+=\\s+268435456\\b");
  }

  @Test
  void aMissingJarSaysHowToBuildIt() throws Exception {
    Result missing =
        run(Map.of("WA_UPLOADER_JAR", dir.resolve("nothing.jar").toString()), "--help");
    assertThat(missing.exit()).isEqualTo(70);
    assertThat(missing.stderr()).contains("is missing").contains("mvn -q -DskipTests package");
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("cache/wa-uploader"))) {
      return s.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("WA_UPLOADER_"));
    pb.environment().put("WA_UPLOADER_JAR", System.getProperty("wa.jar"));
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
