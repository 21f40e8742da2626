package app.wauploader.emulator.store;

import java.security.SecureRandom;

/**
 * Random identifiers and secrets in the URL-safe alphabet Google uses for ids ({@code
 * [A-Za-z0-9_-]}). Thread-safe.
 */
public final class RandomIds {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** {@code prefix} followed by {@code length} random URL-safe characters. */
  public static String next(String prefix, int length) {
    StringBuilder out = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return out.toString();
  }

  /** A Drive-looking file id (33 characters starting with 1). */
  public static String driveFileId() {
    return next("1", 32);
  }

  /** An upload session id, as in {@code upload_id=}. */
  public static String uploadId() {
    return next("AHxI", 60);
  }

  /** True when {@code id} could have come from this class (safe as a file name). */
  public static boolean isWellFormed(String id) {
    return id != null && !id.isEmpty() && id.length() <= 200 && id.matches("[A-Za-z0-9_-]+");
  }
}
