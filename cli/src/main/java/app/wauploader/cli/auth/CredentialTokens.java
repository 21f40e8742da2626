package app.wauploader.cli.auth;

import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.auth.SignInRequiredException;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponseException;
import java.io.IOException;
import java.util.Optional;

/**
 * The stored loopback sign-in (google-oauth-client's {@link Credential}, refreshed tokens written
 * back 0600) as core's {@link AccessTokens}. A refused refresh ({@code invalid_grant}: revoked, or
 * expired — 7 days for OAuth apps in "Testing" status,
 * https://developers.google.com/identity/protocols/oauth2#expiration) becomes {@link
 * SignInRequiredException}; a token server error stays an {@link IOException} (transient).
 */
final class CredentialTokens implements AccessTokens {
  /** Renew the access token when it expires within this many ms. */
  private static final long RENEW_BEFORE_MS = 60_000;

  private final Credential credential;

  CredentialTokens(Credential credential) {
    this.credential = credential;
  }

  @Override
  public synchronized Optional<String> current() throws IOException {
    Long expiresIn = credential.getExpiresInSeconds();
    if (credential.getAccessToken() == null
        || (expiresIn != null && expiresIn * 1000 <= RENEW_BEFORE_MS)) {
      renew();
    }
    return Optional.ofNullable(credential.getAccessToken());
  }

  @Override
  public synchronized boolean refresh() throws IOException {
    renew();
    return true;
  }

  private void renew() throws IOException {
    try {
      if (!credential.refreshToken()) {
        throw new SignInRequiredException("the stored sign-in has no refresh token", null);
      }
    } catch (TokenResponseException e) {
      if (e.getStatusCode() >= 500) {
        throw e;
      }
      String error =
          e.getDetails() == null
              ? "HTTP " + e.getStatusCode()
              : e.getDetails().getError()
                  + (e.getDetails().getErrorDescription() == null
                      ? ""
                      : ": " + e.getDetails().getErrorDescription());
      throw new SignInRequiredException(
          "Google refused to renew the sign-in (" + error.replaceAll("\\s+", " ") + ")", e);
    }
  }
}
