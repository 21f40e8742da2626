package app.wauploader.android;

import android.content.Context;
import android.content.SharedPreferences;
import android.net.Uri;
import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.core.google.GoogleEndpoints;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * Sign-in of an installed app with an Android OAuth client
 * (https://developers.google.com/identity/protocols/oauth2/native-app): PKCE with S256, a random
 * {@code state}, no client secret, the browser sent to Google with {@code ACTION_VIEW}, and the
 * custom-scheme redirect back to {@link OAuthRedirectActivity}, which hands the code to {@link
 * #finish}. The verifier and state wait in the app's private preferences while the browser is open
 * (the process may be gone when the redirect comes).
 */
final class AndroidSignIn {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AppSettings settings;
  private final SharedPreferences pending;
  private final TokenFile tokens;
  private final Clock clock;

  AndroidSignIn(Context context, Clock clock) {
    this.settings = new AppSettings(context);
    this.pending =
        context.getApplicationContext().getSharedPreferences("sign-in", Context.MODE_PRIVATE);
    this.tokens = AppEnvironment.tokenFile(context);
    this.clock = clock;
  }

  /** What the redirect brought, in words for the screen. */
  record Result(boolean signedIn, String message) {}

  /** Starts a sign-in: the URL to open in the browser. */
  Uri start() {
    String verifier = random(48);
    String state = random(16);
    pending.edit().putString("verifier", verifier).putString("state", state).commit();
    GoogleEndpoints endpoints = settings.endpoints();
    AuthorizationCodeRequestUrl url =
        new AuthorizationCodeRequestUrl(endpoints.authorizationUrl(), settings.clientId())
            .setRedirectUri(settings.redirectUri())
            .setScopes(GoogleScopes.ALL)
            .setState(state);
    url.set("code_challenge", challenge(verifier));
    url.set("code_challenge_method", "S256");
    return Uri.parse(url.build());
  }

  /**
   * Exchanges the code of {@code redirect} for tokens and stores them (blocking: call off the main
   * thread).
   */
  Result finish(Uri redirect) {
    String verifier = pending.getString("verifier", null);
    String state = pending.getString("state", null);
    if (redirect.getQueryParameter("error") != null) {
      return new Result(false, "Google said: " + redirect.getQueryParameter("error"));
    }
    String code = redirect.getQueryParameter("code");
    if (verifier == null || state == null || code == null) {
      return new Result(false, "no sign-in was waiting for this answer; sign in again");
    }
    if (!state.equals(redirect.getQueryParameter("state"))) {
      return new Result(false, "the answer does not belong to this sign-in; sign in again");
    }
    pending.edit().clear().commit();
    String tokenUrl = settings.endpoints().tokenUrl();
    TokenResponse response;
    try {
      AuthorizationCodeTokenRequest request =
          new AuthorizationCodeTokenRequest(
                  new NetHttpTransport(),
                  GsonFactory.getDefaultInstance(),
                  new GenericUrl(tokenUrl),
                  code)
              .setRedirectUri(settings.redirectUri())
              .setClientAuthentication(
                  new ClientParametersAuthentication(settings.clientId(), null));
      request.set("code_verifier", verifier);
      response = request.execute();
    } catch (TokenResponseException e) {
      return new Result(
          false,
          "Google refused the sign-in ("
              + (e.getDetails() == null ? "HTTP " + e.getStatusCode() : e.getDetails().getError())
              + ")");
    } catch (IOException e) {
      return new Result(
          false, "Google could not be reached (" + e.getClass().getSimpleName() + ")");
    }
    if (response.getRefreshToken() == null) {
      return new Result(false, "Google gave no refresh token; sign in again");
    }
    Set<String> granted =
        Set.of(response.getScope() == null ? new String[0] : response.getScope().split(" "));
    StringBuilder missing = new StringBuilder();
    for (String scope : GoogleScopes.ALL) {
      if (!response.getScope().isEmpty() && !granted.contains(scope)) {
        missing
            .append(missing.length() == 0 ? "" : ", ")
            .append(scope.substring(scope.lastIndexOf('/') + 1));
      }
    }
    try {
      tokens.save(
          new TokenFile.Tokens(
              response.getRefreshToken(),
              response.getAccessToken(),
              clock.millis()
                  + 1000L
                      * (response.getExpiresInSeconds() == null
                          ? 3600
                          : response.getExpiresInSeconds()),
              tokenUrl,
              response.getScope() == null ? "" : response.getScope()));
    } catch (IOException e) {
      return new Result(false, "the sign-in could not be stored (" + e.getMessage() + ")");
    }
    return missing.length() == 0
        ? new Result(true, "Signed in.")
        : new Result(
            true,
            "Signed in, but not granted: "
                + missing
                + ". Sign in again and tick every box on Google's consent screen.");
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
