package app.wauploader.core.auth;

import java.io.IOException;
import java.util.Optional;

/**
 * Where Google access tokens come from: the CLI's loopback sign-in (tokens in a 0600 file), the
 * Android app's own sign-in, or none (an emulator started without {@code --require-auth}). Core
 * only asks for a token and says when one was refused; it never sees refresh tokens or client
 * secrets. Implementations are thread-safe.
 */
public interface AccessTokens {
  /** Token-less mode: requests go without {@code Authorization} (the emulator without auth). */
  AccessTokens NONE =
      new AccessTokens() {
        @Override
        public Optional<String> current() {
          return Optional.empty();
        }

        @Override
        public boolean refresh() {
          return false;
        }
      };

  /**
   * The access token to send now, renewed first when it is about to expire.
   *
   * @return empty in token-less mode
   * @throws SignInRequiredException if there is no sign-in or it cannot be renewed
   * @throws IOException if the token service cannot be reached (a transient network failure)
   */
  Optional<String> current() throws IOException;

  /**
   * Google refused the current token (HTTP 401): get a new one.
   *
   * @return true if a new token was obtained (the request is sent once more), false if none can be
   * @throws SignInRequiredException if the sign-in cannot be renewed
   * @throws IOException if the token service cannot be reached
   */
  boolean refresh() throws IOException;
}
