package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.auth.GoogleSignIn;
import app.wauploader.cli.auth.TokenStore;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Where a command's Google calls go ({@code --endpoint}) and with which sign-in: one reading for
 * {@code upload}, {@code resume}, {@code doctor} and {@code free-up}.
 */
final class GoogleAccess {
  private GoogleAccess() {}

  /**
   * The validated {@code --endpoint}: an http(s) base URL without query or fragment.
   *
   * @param text the option's value; null for the real Google endpoints
   * @return null when {@code text} is null
   * @throws UserError ({@link ExitCode#USAGE}) for anything else
   */
  static URI endpoint(String text) {
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new UserError(ExitCode.USAGE, "--endpoint is not a URL: " + text);
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw new UserError(
          ExitCode.USAGE,
          "--endpoint must be an http(s) base URL such as http://127.0.0.1:PORT, not '"
              + text
              + "'");
    }
    return uri;
  }

  /**
   * This device's name in the catalog shared with the user's other devices: {@code
   * WA_UPLOADER_DEVICE_NAME} when set; in Termux the phone's model ({@code getprop
   * ro.product.model}); else the host name; else {@code this device}.
   */
  static String deviceName() {
    String set = System.getenv("WA_UPLOADER_DEVICE_NAME");
    if (set != null && !set.trim().isEmpty()) {
      return set.trim();
    }
    if (System.getenv("TERMUX_VERSION") != null) {
      try {
        Process getprop =
            new ProcessBuilder("getprop", "ro.product.model").redirectErrorStream(true).start();
        if (getprop.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
          String model =
              new String(
                      getprop.getInputStream().readAllBytes(),
                      java.nio.charset.StandardCharsets.UTF_8)
                  .trim();
          if (!model.isEmpty()) {
            return model;
          }
        } else {
          getprop.destroy();
        }
      } catch (IOException e) {
        // no getprop: the host name below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      String host = java.net.InetAddress.getLocalHost().getHostName();
      if (host != null && !host.isEmpty() && !host.equals("localhost")) {
        return host;
      }
    } catch (IOException e) {
      // fall through
    }
    return "this device";
  }

  /** Google's endpoints, or every call at the validated {@code --endpoint}. */
  static GoogleEndpoints endpoints(String text) {
    URI uri = endpoint(text);
    return uri == null ? GoogleEndpoints.google() : GoogleEndpoints.at(uri);
  }

  /**
   * The stored sign-in for {@code endpoints}; without one, {@link AccessTokens#NONE} when {@code
   * noneWillDo} (an emulator, a dry run), else the one-line error telling how to sign in.
   *
   * @param why what the sign-in is needed for, ending the error line (may be empty)
   * @throws UserError ({@link ExitCode#NOT_SIGNED_IN}) when there is none and none will not do
   */
  static AccessTokens tokens(
      GoogleEndpoints endpoints, AppDirs dirs, boolean noneWillDo, String why) throws IOException {
    Optional<AccessTokens> signedIn =
        new GoogleSignIn(endpoints, new TokenStore(dirs.config())).tokens();
    if (signedIn.isPresent()) {
      return signedIn.get();
    }
    if (noneWillDo) {
      return AccessTokens.NONE;
    }
    throw new UserError(
        ExitCode.NOT_SIGNED_IN,
        "not signed in to Google"
            + why
            + ": create your OAuth client (see docs/google-oauth.md), then run 'wa-uploader auth"
            + " login --client-secret client_secret.json'");
  }
}
