package app.wauploader.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback + PKCE sign-in against the emulator's OAuth server, with a scripted browser. */
class GoogleSignInTest {
  static final String CLIENT_JSON =
      "{\"installed\":{\"client_id\":\"1234-test.apps.googleusercontent.com\",\"client_secret\":"
          + "\"GOCSPX-test-secret\",\"auth_uri\":\"https://accounts.google.com/o/oauth2/auth\","
          + "\"token_uri\":\"https://oauth2.googleapis.com/token\",\"redirect_uris\":[\"http://localhost\"]}}";

  @TempDir Path dir;
  private GoogleEmulator emulator;
  private TokenStore store;
  private GoogleSignIn signIn;

  @BeforeEach
  void setUp() throws IOException {
    emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emulator")).withRequireAuth(true));
    store = new TokenStore(dir.resolve("config/wa-uploader"));
    signIn = new GoogleSignIn(GoogleEndpoints.at(emulator.baseUri()), store);
    Path client = dir.resolve("client_secret.json");
    Files.writeString(client, CLIENT_JSON);
    signIn.importClient(client);
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void signsInAndStoresTokensOwnerOnly() throws Exception {
    StoredTokens tokens =
        signIn.login(
            browser(UnaryOperator.identity(), UnaryOperator.identity()), Duration.ofSeconds(20));
    assertThat(tokens.refreshToken()).isNotBlank();
    assertThat(tokens.scope()).contains("drive.file").contains("photoslibrary.appendonly");
    assertThat(store.load()).contains(tokens);
    assertThat(Files.getPosixFilePermissions(store.credentialsFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(store.clientSecretFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(store.credentialsFile().getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(tokens.toString())
        .doesNotContain(tokens.accessToken())
        .doesNotContain(tokens.refreshToken());
    assertThat(signIn.tokens()).isPresent();
    assertThat(signIn.tokens().orElseThrow().current()).contains(tokens.accessToken());
    assertThat(signIn.account())
        .contains(app.wauploader.emulator.drive.DriveFilesApi.EMULATED_EMAIL);
  }

  @Test
  void theAuthorizationUrlUsesPkceStateOfflineAndOurScopes() throws Exception {
    String[] seen = new String[1];
    signIn.login(
        url -> {
          seen[0] = url;
          browser(UnaryOperator.identity(), UnaryOperator.identity()).accept(url);
        },
        Duration.ofSeconds(20));
    assertThat(seen[0])
        .contains("code_challenge_method=S256")
        .contains("code_challenge=")
        .contains("state=")
        .contains("access_type=offline")
        .contains("redirect_uri=http://127.0.0.1:")
        .contains("photoslibrary.readonly.appcreateddata");
  }

  @Test
  void aForgedStateIsRejected() {
    assertThatThrownBy(
            () ->
                signIn.login(
                    browser(
                        UnaryOperator.identity(),
                        redirect -> redirect.replaceAll("state=[^&]+", "state=forged")),
                    Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN);
              assertThat(e.getMessage()).contains("wrong state");
            });
    assertThat(Files.exists(store.credentialsFile())).isFalse();
  }

  @Test
  void aPkceMismatchIsRejectedAtTheCodeExchange() {
    assertThatThrownBy(
            () ->
                signIn.login(
                    browser(
                        url ->
                            url.replaceAll(
                                "code_challenge=[^&]+", "code_challenge=" + "A".repeat(43)),
                        UnaryOperator.identity()),
                    Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN);
              assertThat(e.getMessage())
                  .contains("refused the sign-in code")
                  .contains("invalid_grant");
            });
  }

  @Test
  void aNonLoopbackRedirectIsRefusedByTheServerAndTheLoginTimesOutClearly() {
    AtomicInteger status = new AtomicInteger();
    assertThatThrownBy(
            () ->
                signIn.login(
                    url ->
                        status.set(
                            fetch(
                                    url.replaceAll(
                                        "redirect_uri=[^&]+",
                                        "redirect_uri=http%3A%2F%2Fevil.example%2Fcb"))
                                .status()),
                    Duration.ofSeconds(2)))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN);
              assertThat(e.getMessage()).contains("timed out");
            });
    assertThat(status.get()).isEqualTo(400);
  }

  @Test
  void noAnswerFromTheBrowserTimesOut() {
    assertThatThrownBy(() -> signIn.login(url -> {}, Duration.ofMillis(500)))
        .isInstanceOfSatisfying(
            UserError.class, e -> assertThat(e.getMessage()).contains("timed out"));
  }

  @Test
  void aDamagedClientFileIsAnInputError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"web\":{}}");
    assertThatThrownBy(() -> signIn.importClient(bad))
        .isInstanceOfSatisfying(
            UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT));
  }

  @Test
  void logoutRevokesAndDeletes() throws Exception {
    signIn.login(
        browser(UnaryOperator.identity(), UnaryOperator.identity()), Duration.ofSeconds(20));
    assertThat(signIn.logout()).isTrue();
    assertThat(store.load()).isEmpty();
  }

  /** A scripted browser: may tamper with the authorization URL and with the redirect back. */
  static java.util.function.Consumer<String> browser(
      UnaryOperator<String> tamperRequest, UnaryOperator<String> tamperRedirect) {
    return url -> {
      Fetched answer = fetch(tamperRequest.apply(url));
      if (answer.location() != null) {
        fetch(tamperRedirect.apply(answer.location()));
      }
    };
  }

  record Fetched(int status, String location) {}

  static Fetched fetch(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      int status = c.getResponseCode();
      String location = c.getHeaderField("Location");
      c.disconnect();
      return new Fetched(status, location);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
