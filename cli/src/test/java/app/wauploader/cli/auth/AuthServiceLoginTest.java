package app.wauploader.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.cli.CliProcess;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth login --service photos|drive|all} as a user runs it (separate processes, a browser
 * command that follows the emulator's consent redirect): only that service's scopes are asked for,
 * with {@code include_granted_scopes=true}, so two consent steps end with every scope; a consent
 * with a box left unticked is caught right after the code exchange.
 */
class AuthServiceLoginTest {
  @TempDir Path dir;
  private GoogleEmulator emulator;
  private String endpoint;
  private Path client;

  @BeforeEach
  void setUp() throws Exception {
    emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emulator")).withRequireAuth(true));
    endpoint = emulator.baseUri().toString();
    client = Files.writeString(dir.resolve("client_secret.json"), GoogleSignInTest.CLIENT_JSON);
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void photosThenDriveAccumulateEveryScope() throws Exception {
    Run photos = login("photos", "curl -s -L -o /dev/null");
    assertThat(photos.exitCode()).as(photos.output()).isZero();
    String photosUrl = authorizationUrl(photos.output());
    assertThat(photosUrl)
        .contains("include_granted_scopes=true")
        .contains(GoogleScopes.PHOTOS_APPEND)
        .contains(GoogleScopes.PHOTOS_READ_APP)
        .doesNotContain(GoogleScopes.DRIVE_FILE);
    assertThat(photos.output())
        .contains(
            "a backup also needs drive.file, drive.appdata: run 'wa-uploader auth login --service"
                + " drive'");
    assertThat(storedScope()).contains("photoslibrary.appendonly").doesNotContain("drive.file");

    Run drive = login("drive", "curl -s -L -o /dev/null");
    assertThat(drive.exitCode()).as(drive.output()).isZero();
    String driveUrl = authorizationUrl(drive.output());
    assertThat(driveUrl)
        .contains("include_granted_scopes=true")
        .contains(GoogleScopes.DRIVE_FILE)
        .contains(GoogleScopes.DRIVE_APPDATA)
        .doesNotContain("photoslibrary");
    assertThat(drive.output()).doesNotContain("a backup also needs");
    assertThat(GoogleSignIn.missing(GoogleScopes.ALL, storedScope())).isEmpty();

    Run doctor = run("doctor", "--endpoint", endpoint, "--db", dir.resolve("wa.db").toString());
    assertThat(doctor.exitCode()).as(doctor.output()).isZero();
    assertThat(doctor.output()).containsPattern("(?m)^ok +scopes +granted drive.file");
  }

  @Test
  void aConsentWithABoxLeftUntickedIsNotASignIn() throws Exception {
    // The user unticks "see the albums and photos this app created": the browser asks without it.
    Path browser = dir.resolve("untick.sh");
    Files.writeString(
        browser,
        "#!/bin/sh\n"
            + "url=$(printf '%s' \"$1\" | sed -E"
            + " 's/(%20|\\+)[^&]*photoslibrary\\.readonly\\.appcreateddata//')\n"
            + "exec curl -s -L -o /dev/null \"$url\"\n");
    Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));

    Run login = login("photos", browser.toString());
    assertThat(login.exitCode()).as(login.output()).isEqualTo(ExitCode.NOT_SIGNED_IN.code());
    assertThat(login.output())
        .contains("Google did not grant photoslibrary.readonly.appcreateddata")
        .contains("tick every box: wa-uploader auth login --service photos");
    assertThat(storedScope()).contains("appendonly").doesNotContain("readonly.appcreateddata");

    Run doctor = run("doctor", "--endpoint", endpoint, "--db", dir.resolve("wa.db").toString());
    assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(ExitCode.REMOTE_FATAL.code());
    assertThat(doctor.output())
        .containsPattern(
            "(?m)^FAIL +scopes +not granted: drive.file, drive.appdata,"
                + " photoslibrary.readonly.appcreateddata$")
        .contains("fix: sign in again and tick every box: wa-uploader auth login --endpoint");
  }

  @Test
  void anUnknownServiceIsAUsageError() throws Exception {
    Run login = login("calendar", "curl -s -L -o /dev/null");
    assertThat(login.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(login.output()).contains("--service takes photos, drive or all");
  }

  @Test
  void aTimedOutLoginSaysToLookForAnErrorPageAndToAskOneServiceAtATime() throws Exception {
    GoogleSignIn signIn =
        new GoogleSignIn(
            GoogleEndpoints.at(emulator.baseUri()), new TokenStore(dir.resolve("config")));
    signIn.importClient(client);
    assertThatThrownBy(() -> signIn.login(url -> {}, Duration.ofMillis(300)))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN);
              assertThat(e.getMessage())
                  .contains("timed out")
                  .contains("error page")
                  .contains("'wa-uploader auth login --service photos'")
                  .contains("'wa-uploader auth login --service drive'");
            });
  }

  @Test
  void missingListsTheWantedScopesNotGranted() {
    assertThat(
            GoogleSignIn.missing(
                GoogleScopes.ALL, GoogleScopes.DRIVE_FILE + "  " + GoogleScopes.PHOTOS_APPEND))
        .containsExactly(GoogleScopes.DRIVE_APPDATA, GoogleScopes.PHOTOS_READ_APP);
    assertThat(GoogleSignIn.missing(List.of(GoogleScopes.DRIVE_FILE), null))
        .containsExactly(GoogleScopes.DRIVE_FILE);
  }

  // ---- helpers ----

  private record Run(int exitCode, String output) {}

  private Run login(String service, String browserCommand) throws Exception {
    return run(
        "auth",
        "login",
        "--endpoint",
        endpoint,
        "--client-secret",
        client.toString(),
        "--service",
        service,
        "--browser-command",
        browserCommand,
        "--timeout",
        "30");
  }

  private Run run(String... args) throws Exception {
    Process p = CliProcess.start(dir, args);
    String output = CliProcess.finish(p, 120);
    return new Run(p.exitValue(), output);
  }

  /** The printed authorization link, decoded. */
  private static String authorizationUrl(String output) {
    String url =
        output
            .lines()
            .filter(l -> l.startsWith("http") && l.contains("code_challenge"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no link in:\n" + output));
    return URLDecoder.decode(url, StandardCharsets.UTF_8);
  }

  private String storedScope() throws Exception {
    return JsonParser.parseString(
            Files.readString(dir.resolve("config/wa-uploader/credentials.json")))
        .getAsJsonObject()
        .get("scope")
        .getAsString();
  }
}
