package app.wauploader.emulator.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code redirect_uri} an installed app may ask for
 * (https://developers.google.com/identity/protocols/oauth2/native-app#redirect-uri_loopback and
 * #redirect-uri_custom-scheme): a loopback {@code http} address (desktop clients, the CLI), or the
 * custom scheme of an Android client, which is the client id reversed ({@code
 * 1234-abc.apps.googleusercontent.com} → {@code com.googleusercontent.apps.1234-abc}) followed by
 * {@code :/} and a path, e.g. {@code com.googleusercontent.apps.1234-abc:/oauth2redirect}.
 */
final class RedirectRule {
  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final String CLIENT_SUFFIX = ".apps.googleusercontent.com";
  private static final String SCHEME_PREFIX = "com.googleusercontent.apps.";

  private RedirectRule() {}

  /** Why {@code redirectUri} is refused for {@code clientId}, or empty if it is allowed. */
  static Optional<String> problem(String clientId, String redirectUri) {
    if (redirectUri.isEmpty()) {
      return Optional.of("Missing required parameter: redirect_uri");
    }
    Optional<String> scheme = customScheme(clientId);
    String rule =
        "redirect_uri must be http://127.0.0.1:PORT or http://localhost:PORT (loopback)"
            + scheme.map(s -> " or " + s + ":/PATH").orElse("")
            + ", got '"
            + redirectUri
            + "'.";
    try {
      URI uri = new URI(redirectUri);
      if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        return Optional.of(rule);
      }
      if ("http".equals(uri.getScheme())
          && uri.getHost() != null
          && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
      if (scheme.isPresent()
          && scheme.get().equals(uri.getScheme())
          && uri.getRawAuthority() == null
          && uri.getRawPath() != null
          && uri.getRawPath().startsWith("/")
          && !uri.getRawPath().startsWith("//")) {
        return Optional.empty();
      }
      return Optional.of(rule);
    } catch (URISyntaxException e) {
      return Optional.of(rule);
    }
  }

  /** The custom scheme of an Android client's id, if the id has Google's form. */
  static Optional<String> customScheme(String clientId) {
    if (!clientId.endsWith(CLIENT_SUFFIX) || clientId.length() == CLIENT_SUFFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(
        SCHEME_PREFIX + clientId.substring(0, clientId.length() - CLIENT_SUFFIX.length()));
  }
}
