package app.wauploader.emulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * PKCE S256 (RFC 7636 §4.2, required by Google for loopback clients:
 * https://developers.google.com/identity/protocols/oauth2/native-app#step1-code-verifier):
 * challenge = BASE64URL(SHA-256(ASCII(verifier))) without padding; the verifier is 43..128
 * characters of {@code [A-Za-z0-9-._~]}.
 */
final class Pkce {
  private Pkce() {}

  static boolean isWellFormedVerifier(String verifier) {
    return verifier.length() >= 43
        && verifier.length() <= 128
        && verifier.matches("[A-Za-z0-9._~-]+");
  }

  static String challengeOf(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  static boolean matches(String verifier, String challenge) {
    return isWellFormedVerifier(verifier)
        && MessageDigest.isEqual(
            challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
            challenge.getBytes(StandardCharsets.US_ASCII));
  }
}
