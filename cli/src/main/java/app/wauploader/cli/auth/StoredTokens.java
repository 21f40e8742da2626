package app.wauploader.cli.auth;

/**
 * The signed-in credential as stored on disk ({@code credentials.json}, mode 0600). Never printed,
 * logged or written to the database.
 *
 * @param tokenUrl the token endpoint these tokens belong to (real Google or an emulator)
 * @param expiresAtMs access token expiry, epoch ms
 * @param scope space-separated granted scopes
 */
public record StoredTokens(
    String tokenUrl, String accessToken, String refreshToken, long expiresAtMs, String scope) {

  /** What {@code auth status} may show: everything but the tokens. */
  @Override
  public String toString() {
    return "StoredTokens[tokenUrl="
        + tokenUrl
        + ", expiresAtMs="
        + expiresAtMs
        + ", scope="
        + scope
        + "]";
  }
}
