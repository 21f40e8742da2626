package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the parts of a {@code multipart/related} body (RFC 2387) as sent by Drive multipart
 * uploads (https://developers.google.com/workspace/drive/api/guides/manage-uploads#multipart): a
 * JSON metadata part, then the media part. Part contents are streamed; only a small window is
 * buffered. Not thread-safe.
 */
final class MultipartRelatedReader {
  private static final int WINDOW = 64 * 1024;

  private final InputStream in;
  private final String boundary;
  private final byte[] delimiter;
  private final byte[] window;
  private int start;
  private int end;
  private boolean eof;
  private boolean finished;
  private boolean started;

  MultipartRelatedReader(InputStream in, String boundary) {
    this.in = in;
    this.boundary = boundary;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.window = new byte[WINDOW + delimiter.length];
  }

  /** The {@code boundary} parameter of a {@code multipart/related} Content-Type. */
  static String boundaryOf(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
      throw ApiError.badRequest(
          "A multipart upload needs Content-Type multipart/related, got '" + contentType + "'.");
    }
    for (String parameter : contentType.split(";")) {
      String p = parameter.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = p.substring("boundary=".length());
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    throw ApiError.badRequest("The multipart Content-Type has no boundary parameter.");
  }

  /**
   * Moves to the next part and returns its headers (names lower case); empty once the closing
   * boundary was read.
   */
  Map<String, String> nextPartHeaders() throws IOException {
    if (finished) {
      return Map.of();
    }
    if (!started) {
      started = true;
      String line;
      do {
        line = readLine();
        if (line == null) {
          throw ApiError.badRequest("The multipart body has no opening boundary.");
        }
      } while (!line.strip().equals("--" + boundary));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while ((line = readLine()) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /** The current part's content up to the next boundary; read it to its end before moving on. */
  InputStream partContent() {
    return new InputStream() {
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
          return -1;
        }
        while (end - start < delimiter.length && !eof) {
          fill();
        }
        int at = indexOfDelimiter();
        if (at == start) {
          start += delimiter.length;
          done = true;
          String tail = readLine();
          if (tail == null || tail.startsWith("--")) {
            finished = true;
          }
          return -1;
        }
        int available;
        if (at > start) {
          available = at - start;
        } else if (eof) {
          throw ApiError.badRequest("The multipart body ended without its closing boundary.");
        } else {
          available = end - start - (delimiter.length - 1);
        }
        int n = Math.min(length, available);
        System.arraycopy(window, start, buffer, offset, n);
        start += n;
        return n;
      }
    };
  }

  /** The current part's content as text, at most {@code limit} bytes. */
  String partText(int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream part = partContent();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = part.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      if (out.size() > limit) {
        throw ApiError.badRequest(
            "The multipart metadata part is larger than " + limit + " bytes.");
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = start; i <= end - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (window[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(window, start, window, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == window.length) {
      return;
    }
    int n = in.read(window, end, window.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }

  private String readLine() throws IOException {
    while (true) {
      for (int i = start; i < end; i++) {
        if (window[i] == '\n') {
          int lineEnd = i > start && window[i - 1] == '\r' ? i - 1 : i;
          String line = new String(window, start, lineEnd - start, StandardCharsets.UTF_8);
          start = i + 1;
          return line;
        }
      }
      if (eof) {
        if (start == end) {
          return null;
        }
        String rest = new String(window, start, end - start, StandardCharsets.UTF_8);
        start = end;
        return rest;
      }
      if (start == 0 && end == window.length) {
        throw ApiError.badRequest("A multipart header line is longer than " + WINDOW + " bytes.");
      }
      fill();
    }
  }
}
