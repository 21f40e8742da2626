package app.wauploader.emulator.store;

import java.time.Instant;

/**
 * An authorization code issued by the auth endpoint, redeemable once at the token endpoint with the
 * matching PKCE verifier (https://developers.google.com/identity/protocols/oauth2/native-app).
 *
 * @param code the code
 * @param clientId client it was issued to
 * @param redirectUri redirect URI of the authorization request (must match at exchange)
 * @param codeChallenge S256 PKCE challenge
 * @param scope granted scopes, space separated
 * @param expiresAt end of validity
 * @param used whether it was redeemed
 */
public record AuthorizationCode(
    String code,
    String clientId,
    String redirectUri,
    String codeChallenge,
    String scope,
    Instant expiresAt,
    boolean used) {

  public AuthorizationCode redeemed() {
    return new AuthorizationCode(
        code, clientId, redirectUri, codeChallenge, scope, expiresAt, true);
  }
}
