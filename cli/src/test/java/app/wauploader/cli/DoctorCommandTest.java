package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonElement;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wa-uploader doctor} against the real emulator over loopback, as a user would read it: one
 * line per check, the fix under each failure, and the exit code of the most basic failure.
 */
class DoctorCommandTest {
  /**
   * A Desktop-app client JSON as Google Cloud downloads it (any client, while none is registered).
   */
  static final String CLIENT_JSON =
      "{\"installed\":{\"client_id\":\"1234-test.apps.googleusercontent.com\",\"client_secret\":"
          + "\"GOCSPX-test-secret\",\"redirect_uris\":[\"http://localhost\"]}}";

  @TempDir Path dir;

  @Test
  void aHealthyTokenLessEmulatorPassesAndASecondRunReusesTheAlbumAndFolder() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config())) {
      CliRun first = doctor(emulator.baseUri().toString());
      assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
      assertThat(line(first, "sign-in")).startsWith("skip").contains("not required");
      assertThat(line(first, "scopes")).startsWith("skip");
      for (String check :
          List.of("drive api", "photos api", "drive upload", "photos upload", "clock")) {
        assertThat(line(first, check)).as(first.out()).startsWith("ok ");
      }
      assertThat(line(first, "photos upload")).contains("album 'wa-uploader check'");
      assertThat(line(first, "drive upload"))
          .contains("WhatsApp/wa-uploader check")
          .contains("deleted");
      assertThat(first.out()).doesNotContain("FAIL").endsWith("every check passed\n");

      CliRun second = doctor(emulator.baseUri().toString());
      assertThat(second.exitCode()).as(second.out()).isZero();
      EmulatorInspector inspector = new EmulatorInspector(emulator.baseUri());
      assertThat(titles(inspector.albums())).containsExactly("wa-uploader check");
      assertThat(titles(inspector.folders()))
          .containsExactlyInAnyOrder("WhatsApp", "wa-uploader check");
      List<JsonElement> items = List.copyOf(inspector.items().asList());
      assertThat(items)
          .as("the Drive test files are deleted again; the Photos ones stay in the album")
          .allSatisfy(
              i -> assertThat(i.getAsJsonObject().get("service").getAsString()).isEqualTo("photos"))
          .hasSize(2);
    }
  }

  @Test
  void signedInEveryCheckPasses() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config().withRequireAuth(true))) {
      String endpoint = emulator.baseUri().toString();
      assertThat(login(endpoint).exitValue()).isZero();
      Run run = process("doctor", "--endpoint", endpoint, "--db", db().toString());
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(line(run.output(), "sign-in")).startsWith("ok ").contains("signed in");
      assertThat(line(run.output(), "scopes"))
          .startsWith("ok ")
          .contains("drive.file", "photoslibrary.appendonly", "readonly.appcreateddata");
      for (String check :
          List.of("drive api", "photos api", "drive upload", "photos upload", "clock")) {
        assertThat(line(run.output(), check)).as(run.output()).startsWith("ok ");
      }
      assertThat(line(run.output(), "drive api")).contains("emulated.user@example.com");
    }
  }

  @Test
  void aRevokedSignInSaysSignInAgain() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config().withRequireAuth(true))) {
      String endpoint = emulator.baseUri().toString();
      assertThat(login(endpoint).exitValue()).isZero();
      new EmulatorInspector(emulator.baseUri()).revokeAllTokens();
      Run run = process("doctor", "--endpoint", endpoint, "--db", db().toString());
      assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.NOT_SIGNED_IN.code());
      assertThat(line(run.output(), "sign-in")).startsWith("FAIL").contains("invalid_grant");
      assertThat(run.output()).contains("fix: run 'wa-uploader auth login' again", "7 days");
      assertThat(line(run.output(), "photos upload")).startsWith("skip");
    }
  }

  @Test
  void photosApiDisabledNamesTheApiAndWhereToEnableIt() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config())) {
      new EmulatorInspector(emulator.baseUri())
          .addFaults(
              "[{\"route\":\"photos.albums\",\"times\":5,\"action\":\"status\",\"status\":403,"
                  + "\"reason\":\"SERVICE_DISABLED\",\"message\":\"Photos Library API has not been"
                  + " used in project 123 before or it is disabled. Enable it by visiting"
                  + " https://console.developers.google.com/apis/api/photoslibrary.googleapis.com/"
                  + "overview?project=123 then retry.\"}]");
      CliRun run = doctor(emulator.baseUri().toString());
      assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.REMOTE_FATAL.code());
      assertThat(line(run, "photos api")).startsWith("FAIL").contains("HTTP 403");
      assertThat(run.out())
          .contains(
              "fix: enable the Google Photos Library API for your OAuth client's project:"
                  + " https://console.cloud.google.com/apis/library/photoslibrary.googleapis.com");
      assertThat(line(run, "photos upload")).startsWith("skip");
      assertThat(line(run, "drive api")).startsWith("ok ");
      assertThat(line(run, "drive upload")).startsWith("ok ");
      assertThat(run.out()).contains("1 check failed");
    }
  }

  @Test
  void driveAccessNotConfiguredNamesTheDriveApi() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config())) {
      new EmulatorInspector(emulator.baseUri())
          .addFaults(
              "[{\"route\":\"drive.files\",\"times\":5,\"action\":\"status\",\"status\":403,"
                  + "\"reason\":\"accessNotConfigured\",\"message\":\"Google Drive API has not been"
                  + " used in project 123 before or it is disabled.\"}]");
      CliRun run = doctor(emulator.baseUri().toString());
      assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.REMOTE_FATAL.code());
      assertThat(line(run, "drive api")).startsWith("FAIL");
      assertThat(run.out())
          .contains("https://console.cloud.google.com/apis/library/drive.googleapis.com");
      assertThat(line(run, "drive upload")).startsWith("skip");
      assertThat(line(run, "photos upload")).startsWith("ok ");
    }
  }

  @Test
  void insufficientScopesOnAnUploadSaySignInAgainTickingEveryBox() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config())) {
      new EmulatorInspector(emulator.baseUri())
          .addFaults(
              "[{\"route\":\"photos.upload\",\"times\":5,\"action\":\"status\",\"status\":403,"
                  + "\"message\":\"Request had insufficient authentication scopes.\"}]");
      CliRun run = doctor(emulator.baseUri().toString());
      assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.REMOTE_FATAL.code());
      assertThat(line(run, "photos upload"))
          .startsWith("FAIL")
          .contains("insufficient authentication scopes");
      assertThat(run.out())
          .contains("fix: sign in again and tick every box: wa-uploader auth login --endpoint")
          .contains("--service photos");
      assertThat(line(run, "drive upload")).startsWith("ok ");
    }
  }

  @Test
  void authenticationSessionNotDefinedIsAMissingScopeToo() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config())) {
      new EmulatorInspector(emulator.baseUri())
          .addFaults(
              "[{\"route\":\"photos.upload\",\"times\":5,\"action\":\"status\",\"status\":401,"
                  + "\"message\":\"Authentication session is not defined.\"}]");
      CliRun run = doctor(emulator.baseUri().toString());
      assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.REMOTE_FATAL.code());
      assertThat(line(run, "photos upload")).startsWith("FAIL");
      assertThat(run.out()).contains("tick every box").contains("--service photos");
    }
  }

  @Test
  void anUnreachableEndpointIsRetryLater() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRun run = doctor("http://127.0.0.1:" + port);
    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.RETRY_LATER.code());
    assertThat(line(run, "drive api")).startsWith("FAIL").contains("could not be reached");
    assertThat(line(run, "photos api")).startsWith("FAIL");
    assertThat(line(run, "photos upload")).startsWith("skip");
    assertThat(line(run, "clock")).startsWith("skip");
    assertThat(run.out()).contains("fix: check the connection and that the emulator runs at");
  }

  @Test
  void anEmulatorRequiringAuthWithoutASignInSaysSignIn() throws Exception {
    try (GoogleEmulator emulator = GoogleEmulator.start(config().withRequireAuth(true))) {
      CliRun run = doctor(emulator.baseUri().toString());
      assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.NOT_SIGNED_IN.code());
      assertThat(line(run, "drive api")).startsWith("FAIL").contains("401");
      assertThat(run.out()).contains("auth login --endpoint");
    }
  }

  // ---- helpers ----

  private EmulatorConfig config() {
    return EmulatorConfig.defaults(dir.resolve("emulator"));
  }

  private Path db() {
    return dir.resolve("data/wa.db");
  }

  private CliRun doctor(String endpoint) {
    return CliRun.of("doctor", "--endpoint", endpoint, "--db", db().toString());
  }

  private Process login(String endpoint) throws Exception {
    Path client = Files.writeString(dir.resolve("client_secret.json"), CLIENT_JSON);
    Process p =
        CliProcess.start(
            dir,
            "auth",
            "login",
            "--endpoint",
            endpoint,
            "--client-secret",
            client.toString(),
            "--browser-command",
            "curl -s -L -o /dev/null",
            "--timeout",
            "30");
    String output = CliProcess.finish(p, 120);
    assertThat(p.exitValue()).as(output).isZero();
    return p;
  }

  private record Run(int exitCode, String output) {}

  private Run process(String... args) throws Exception {
    Process p = CliProcess.start(dir, args);
    String output = CliProcess.finish(p, 120);
    return new Run(p.exitValue(), output);
  }

  private static String line(CliRun run, String check) {
    return line(run.out(), check);
  }

  /** The line of {@code check}: its status, then the check, then the detail. */
  static String line(String output, String check) {
    return output
        .lines()
        .filter(l -> l.length() > 6 && l.substring(6).startsWith(check + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + check + " in:\n" + output));
  }

  private static List<String> titles(com.google.gson.JsonArray array) {
    return array.asList().stream()
        .map(
            e ->
                e.getAsJsonObject().has("title")
                    ? e.getAsJsonObject().get("title").getAsString()
                    : e.getAsJsonObject().get("name").getAsString())
        .collect(Collectors.toList());
  }
}
