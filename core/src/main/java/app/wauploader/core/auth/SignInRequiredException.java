package app.wauploader.core.auth;

import java.io.IOException;

/**
 * No usable sign-in: none stored, or Google refused to renew it (refresh token revoked or expired —
 * 7 days for OAuth apps in "Testing" status,
 * https://developers.google.com/identity/protocols/oauth2#expiration — or the password changed).
 * Signing in again fixes it. An {@link IOException} so it can leave a google-http-client request
 * unchanged; the pipeline classifies it as {@code UNAUTHORIZED}.
 */
public final class SignInRequiredException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line saying why, naming no command (each front end adds its own advice)
   */
  public SignInRequiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
