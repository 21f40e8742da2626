package app.wauploader.core.check;

import java.util.Set;

/** What the front end knows about the sign-in before the checks run. */
public sealed interface SignInState {
  /**
   * Token-less mode: an emulator started without {@code --require-auth} takes calls without one.
   */
  record NotRequired() implements SignInState {}

  /**
   * There is no sign-in for these endpoints.
   *
   * @param why one line, naming no command
   */
  record Missing(String why) implements SignInState {}

  /**
   * A sign-in is stored; its access tokens are the environment's.
   *
   * @param grantedScopes the scopes the stored token response's {@code scope} lists (RFC 6749 §5.1:
   *     space-separated), possibly empty when Google did not say
   */
  record SignedIn(Set<String> grantedScopes) implements SignInState {
    public SignedIn {
      grantedScopes = Set.copyOf(grantedScopes);
    }
  }
}
