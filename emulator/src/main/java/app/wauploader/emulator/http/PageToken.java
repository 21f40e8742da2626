package app.wauploader.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque {@code pageToken}/{@code nextPageToken} values for list calls. They encode an offset into
 * the list in creation order; clients must treat them as opaque, as with Google's.
 */
public final class PageToken {
  private static final String PREFIX = "offset:";

  private PageToken() {}

  /** The token for the page starting at {@code offset}. */
  public static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The offset a token stands for.
   *
   * @throws ApiError 400 for a token this emulator did not issue
   */
  public static int decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int offset = Integer.parseInt(text.substring(PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error
    }
    throw ApiError.badRequest("Invalid Value: pageToken '" + token + "'.");
  }

  /**
   * The page size from a {@code pageSize} parameter.
   *
   * @throws ApiError 400 when it is not a number in 1..max
   */
  public static int pageSize(String text, int max) {
    try {
      int size = Integer.parseInt(text);
      if (size >= 1 && size <= max) {
        return size;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw ApiError.badRequest("Invalid value '" + text + "' for pageSize: must be 1.." + max + ".");
  }
}
