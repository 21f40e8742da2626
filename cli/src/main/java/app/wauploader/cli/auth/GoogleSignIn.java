package app.wauploader.cli.auth;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.core.google.GoogleEndpoints;
import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleClientSecrets;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Google sign-in for a terminal: the installed-app loopback flow with PKCE (S256) and {@code state}
 * (https://developers.google.com/identity/protocols/oauth2/native-app), built on
 * google-oauth-client's {@link AuthorizationCodeFlow}. The device-code flow cannot be used: it does
 * not allow the Photos scopes.
 */
public final class GoogleSignIn {
  /** The scopes we ask for: core's, whatever the front end. */
  public static final List<String> SCOPES = GoogleScopes.ALL;

  private final GoogleEndpoints endpoints;
  private final TokenStore store;
  private final HttpTransport transport = new NetHttpTransport();

  public GoogleSignIn(GoogleEndpoints endpoints, TokenStore store) {
    this.endpoints = endpoints;
    this.store = store;
  }

  /**
   * Imports a "Desktop app" OAuth client JSON downloaded from Google Cloud, storing it 0600.
   *
   * @throws UserError (INPUT) if the file is missing or not such a client
   */
  public void importClient(Path clientSecretJson) throws IOException {
    String json;
    try {
      json = Files.readString(clientSecretJson, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError(ExitCode.INPUT, "client secret file not found: " + clientSecretJson);
    }
    parseClient(json, clientSecretJson.toString());
    OwnerOnlyFiles.write(store.clientSecretFile(), json.getBytes(StandardCharsets.UTF_8));
  }

  /** The imported client. */
  public GoogleClientSecrets.Details client() throws IOException {
    try {
      return parseClient(
          Files.readString(store.clientSecretFile(), StandardCharsets.UTF_8),
          store.clientSecretFile().toString());
    } catch (NoSuchFileException e) {
      throw new UserError(
          ExitCode.INPUT,
          "no OAuth client imported yet: run 'wa-uploader auth login --client-secret client_secret.json'"
              + " with the Desktop-app client you created (see docs/google-oauth.md)");
    }
  }

  private static GoogleClientSecrets.Details parseClient(String json, String where) {
    try {
      GoogleClientSecrets secrets =
          GoogleClientSecrets.load(GsonFactory.getDefaultInstance(), new StringReader(json));
      GoogleClientSecrets.Details details = secrets.getDetails();
      if (details == null || details.getClientId() == null || details.getClientId().isBlank()) {
        throw new IllegalArgumentException("no client_id");
      }
      return details;
    } catch (IOException | RuntimeException e) {
      throw new UserError(
          ExitCode.INPUT,
          where
              + " is not a Google OAuth client JSON (expected {\"installed\":{\"client_id\":…}}"
              + " from Google Cloud → Credentials → Desktop app → Download JSON)");
    }
  }

  /**
   * Runs the browser flow and stores the tokens.
   *
   * @param openBrowser called with the authorization URL (opens it, or prints it)
   * @throws UserError NOT_SIGNED_IN on a denied consent, wrong state, PKCE/code rejection or
   *     timeout
   */
  public StoredTokens login(Consumer<String> openBrowser, Duration timeout)
      throws IOException, InterruptedException {
    return login(SCOPES, openBrowser, timeout);
  }

  /**
   * Runs the browser flow for {@code scopes} only, with {@code include_granted_scopes=true} so that
   * the new grant also covers what was granted before (incremental authorization,
   * https://developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth): Photos and
   * Drive can be granted in separate consent steps, which matters since one 2026 report says Google
   * refused a single request mixing both. Stores the tokens with the {@code scope} Google answered
   * (users may untick boxes: check it with {@link #missing}).
   *
   * @param scopes the scopes to ask for, at least one
   * @throws UserError NOT_SIGNED_IN on a denied consent, wrong state, PKCE/code rejection or
   *     timeout
   */
  public StoredTokens login(List<String> scopes, Consumer<String> openBrowser, Duration timeout)
      throws IOException, InterruptedException {
    GoogleClientSecrets.Details client = client();
    AuthorizationCodeFlow flow = flow(client, scopes);
    String state = randomToken();
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      String url =
          flow.newAuthorizationUrl()
              .setRedirectUri(receiver.redirectUri())
              .setState(state)
              .set("access_type", "offline")
              .set("prompt", "consent")
              .set("include_granted_scopes", "true")
              .build();
      openBrowser.accept(url);
      Map<String, String> callback;
      try {
        callback = receiver.await(timeout);
      } catch (TimeoutException e) {
        throw new UserError(
            ExitCode.NOT_SIGNED_IN,
            "sign-in timed out after "
                + timeout.toSeconds()
                + " s without an answer from the browser. Look in the browser for an error page"
                + " from Google (it may refuse one request for both Photos and Drive scopes);"
                + " then sign in one service at a time: 'wa-uploader auth login --service photos',"
                + " then 'wa-uploader auth login --service drive' (--no-browser prints the link to"
                + " open yourself)");
      }
      if (callback.containsKey("error")) {
        throw new UserError(
            ExitCode.NOT_SIGNED_IN,
            "sign-in refused by Google: "
                + callback.get("error")
                + " (approve the access request,"
                + " and check you are a test user of your OAuth app)");
      }
      if (!state.equals(callback.get("state"))) {
        throw new UserError(
            ExitCode.NOT_SIGNED_IN,
            "sign-in answer had the wrong state parameter (possible forged redirect); nothing was"
                + " stored, run 'wa-uploader auth login' again");
      }
      TokenResponse response;
      try {
        response =
            flow.newTokenRequest(callback.get("code"))
                .setRedirectUri(receiver.redirectUri())
                .execute();
      } catch (TokenResponseException e) {
        String error =
            e.getDetails() == null ? "HTTP " + e.getStatusCode() : e.getDetails().getError();
        throw new UserError(
            ExitCode.NOT_SIGNED_IN,
            "Google refused the sign-in code (" + error + "); run 'wa-uploader auth login' again");
      }
      if (response.getRefreshToken() == null) {
        throw new UserError(
            ExitCode.NOT_SIGNED_IN,
            "Google gave no refresh token; remove wa-uploader's access at"
                + " https://myaccount.google.com/permissions and sign in again");
      }
      StoredTokens tokens =
          new StoredTokens(
              endpoints.tokenUrl(),
              response.getAccessToken(),
              response.getRefreshToken(),
              System.currentTimeMillis()
                  + (response.getExpiresInSeconds() == null ? 3600 : response.getExpiresInSeconds())
                      * 1000,
              response.getScope() == null ? String.join(" ", scopes) : response.getScope());
      store.save(tokens);
      return tokens;
    }
  }

  /**
   * The stored sign-in as core's access-token provider: renewed before expiry or after a 401,
   * refreshed tokens persisted.
   *
   * @return empty when not signed in for these endpoints
   */
  public Optional<AccessTokens> tokens() throws IOException {
    return credential().map(CredentialTokens::new);
  }

  /** The stored credential (adds the bearer token, refreshes it, persists refreshed tokens). */
  private Optional<Credential> credential() throws IOException {
    Optional<StoredTokens> stored = store.load();
    if (stored.isEmpty() || !endpoints.tokenUrl().equals(stored.get().tokenUrl())) {
      return Optional.empty();
    }
    StoredTokens tokens = stored.get();
    GoogleClientSecrets.Details client = client();
    Credential credential =
        new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
            .setTransport(transport)
            .setJsonFactory(GsonFactory.getDefaultInstance())
            .setTokenServerEncodedUrl(endpoints.tokenUrl())
            .setClientAuthentication(
                new ClientParametersAuthentication(client.getClientId(), client.getClientSecret()))
            .addRefreshListener(store.refreshListener(endpoints.tokenUrl(), tokens.scope()))
            .build()
            .setAccessToken(tokens.accessToken())
            .setRefreshToken(tokens.refreshToken())
            .setExpirationTimeMilliseconds(tokens.expiresAtMs());
    return Optional.of(credential);
  }

  /**
   * The signed-in account's e-mail address, from Drive's {@code about.get} (works with the
   * drive.file scope; refreshes the access token if needed).
   *
   * @return empty when not signed in for these endpoints
   * @throws IOException if Google cannot be asked (network, revoked access)
   */
  public Optional<String> account() throws IOException {
    Optional<Credential> credential = credential();
    if (credential.isEmpty()) {
      return Optional.empty();
    }
    com.google.api.services.drive.Drive drive =
        new com.google.api.services.drive.Drive.Builder(
                transport, GsonFactory.getDefaultInstance(), credential.get())
            .setRootUrl(endpoints.driveRootUrl())
            .setApplicationName("wa-uploader")
            .build();
    return Optional.ofNullable(
        drive.about().get().setFields("user(emailAddress)").execute().getUser().getEmailAddress());
  }

  /**
   * Revokes the refresh token at Google (which also ends its access tokens) and deletes the stored
   * tokens. A failed revocation still deletes them locally.
   *
   * @return true if Google confirmed the revocation
   */
  public boolean logout() throws IOException {
    Optional<StoredTokens> stored = store.load();
    boolean revoked = false;
    if (stored.isPresent()) {
      try {
        var response =
            transport
                .createRequestFactory()
                .buildPostRequest(
                    new GenericUrl(endpoints.revocationUrl()),
                    new UrlEncodedContent(Map.of("token", stored.get().refreshToken())))
                .setThrowExceptionOnExecuteError(false)
                .execute();
        revoked = response.isSuccessStatusCode();
        response.disconnect();
      } catch (IOException e) {
        revoked = false;
      }
    }
    store.delete();
    return revoked;
  }

  /**
   * The scopes of {@code wanted} that {@code grantedScope} (a token response's space-separated
   * {@code scope}, RFC 6749 §5.1) does not list, in {@code wanted}'s order.
   */
  public static List<String> missing(List<String> wanted, String grantedScope) {
    java.util.Set<String> granted = granted(grantedScope);
    List<String> missing = new java.util.ArrayList<>();
    for (String scope : wanted) {
      if (!granted.contains(scope)) {
        missing.add(scope);
      }
    }
    return missing;
  }

  /** The scopes a space-separated {@code scope} lists (empty for null). */
  public static java.util.Set<String> granted(String grantedScope) {
    java.util.Set<String> granted = new java.util.LinkedHashSet<>();
    if (grantedScope != null) {
      for (String scope : grantedScope.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          granted.add(scope);
        }
      }
    }
    return granted;
  }

  private AuthorizationCodeFlow flow(GoogleClientSecrets.Details client, List<String> scopes) {
    return new AuthorizationCodeFlow.Builder(
            BearerToken.authorizationHeaderAccessMethod(),
            transport,
            GsonFactory.getDefaultInstance(),
            new GenericUrl(endpoints.tokenUrl()),
            new ClientParametersAuthentication(client.getClientId(), client.getClientSecret()),
            client.getClientId(),
            endpoints.authorizationUrl())
        .setScopes(scopes)
        .enablePKCE()
        .build();
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
