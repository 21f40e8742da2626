package app.wauploader.android;

import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.auth.SignInRequiredException;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The app's sign-in as core's {@link AccessTokens}: the access token from {@link TokenFile},
 * renewed with the refresh token (google-oauth-client, public client: no secret) a minute before it
 * expires or after a 401, the renewed token written back. A refused renewal ({@code invalid_grant}:
 * revoked, or expired — 7 days for OAuth apps in "Testing" status) is {@link
 * SignInRequiredException}; a token server error stays an {@link IOException} (transient).
 */
final class AndroidTokens implements AccessTokens {
  private static final long RENEW_BEFORE_MS = 60_000;

  private final TokenFile file;
  private final String clientId;
  private final String tokenUrl;
  private final Clock clock;

  AndroidTokens(TokenFile file, String clientId, String tokenUrl, Clock clock) {
    this.file = file;
    this.clientId = clientId;
    this.tokenUrl = tokenUrl;
    this.clock = clock;
  }

  @Override
  public synchronized Optional<String> current() throws IOException {
    TokenFile.Tokens t = stored();
    if (t.expiresAtMs() - clock.millis() <= RENEW_BEFORE_MS) {
      t = renew(t);
    }
    return Optional.of(t.accessToken());
  }

  @Override
  public synchronized boolean refresh() throws IOException {
    renew(stored());
    return true;
  }

  private TokenFile.Tokens stored() throws IOException {
    Optional<TokenFile.Tokens> t = file.load();
    if (t.isEmpty()) {
      throw new SignInRequiredException("not signed in", null);
    }
    if (!t.get().tokenUrl().equals(tokenUrl)) {
      throw new SignInRequiredException("the stored sign-in is for another server", null);
    }
    return t.get();
  }

  private TokenFile.Tokens renew(TokenFile.Tokens old) throws IOException {
    TokenResponse response;
    try {
      response =
          new RefreshTokenRequest(
                  new NetHttpTransport(),
                  GsonFactory.getDefaultInstance(),
                  new GenericUrl(tokenUrl),
                  old.refreshToken())
              .setClientAuthentication(new ClientParametersAuthentication(clientId, null))
              .execute();
    } catch (TokenResponseException e) {
      if (e.getStatusCode() >= 500) {
        throw e;
      }
      String error =
          e.getDetails() == null ? "HTTP " + e.getStatusCode() : e.getDetails().getError();
      throw new SignInRequiredException("Google refused to renew the sign-in (" + error + ")", e);
    }
    TokenFile.Tokens renewed =
        new TokenFile.Tokens(
            response.getRefreshToken() == null ? old.refreshToken() : response.getRefreshToken(),
            response.getAccessToken(),
            clock.millis()
                + 1000L
                    * (response.getExpiresInSeconds() == null
                        ? 3600
                        : response.getExpiresInSeconds()),
            tokenUrl,
            response.getScope() == null ? old.scope() : response.getScope());
    file.save(renewed);
    return renewed;
  }
}
