package app.wauploader.emulator.store;

import java.time.Instant;

/**
 * An access or refresh token issued by the token endpoint.
 *
 * @param value the token string
 * @param kind access or refresh
 * @param clientId client it was issued to
 * @param scope scopes, space separated
 * @param expiresAt end of validity; null for refresh tokens (valid until revoked)
 * @param refreshToken for access tokens: the refresh token that minted it; null otherwise
 * @param revoked whether it was revoked
 */
public record IssuedToken(
    String value,
    Kind kind,
    String clientId,
    String scope,
    Instant expiresAt,
    String refreshToken,
    boolean revoked) {

  /** Token kinds. */
  public enum Kind {
    ACCESS,
    REFRESH
  }

  /** True for an unrevoked token whose expiry (if any) is after {@code now}. */
  public boolean isValidAt(Instant now) {
    return !revoked && (expiresAt == null || expiresAt.isAfter(now));
  }

  public IssuedToken revokedCopy() {
    return new IssuedToken(value, kind, clientId, scope, expiresAt, refreshToken, true);
  }
}
