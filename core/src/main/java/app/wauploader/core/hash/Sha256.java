package app.wauploader.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 helpers in one place: a new digest, and lowercase hex (the form stored everywhere, 64
 * characters). Written out because {@code java.util.HexFormat} only exists on Android 14+.
 */
public final class Sha256 {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  /** A new SHA-256 digest (every Java and Android platform has one). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }

  /** SHA-256 of {@code bytes[0..length)}, as 64 lowercase hex characters. */
  public static String of(byte[] bytes, int length) {
    MessageDigest digest = newDigest();
    digest.update(bytes, 0, length);
    return hex(digest.digest());
  }

  /** Lowercase hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
