package app.wauploader.emulator.http;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response a route handler returns; written to the socket by the dispatcher.
 *
 * @param status HTTP status code
 * @param headers response headers (single value each), in insertion order
 * @param body what follows the headers
 */
public record Reply(int status, Map<String, String> headers, Body body) {

  /** JSON content type Google's client libraries require before they parse an error body. */
  public static final String JSON_UTF8 = "application/json; charset=UTF-8";

  public Reply {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The bytes after the headers. */
  public sealed interface Body permits Empty, Bytes, FileContent {}

  /** No body at all ({@code Content-Length: 0}). */
  public record Empty() implements Body {}

  /** An in-memory body. */
  public record Bytes(String contentType, byte[] content) implements Body {}

  /** A body streamed from a file on disk, {@code length} bytes from its start. */
  public record FileContent(String contentType, Path file, long length) implements Body {}

  public static Reply json(int status, JsonElement json) {
    return new Reply(
        status,
        Map.of(),
        new Bytes(JSON_UTF8, Json.GSON.toJson(json).getBytes(StandardCharsets.UTF_8)));
  }

  public static Reply text(int status, String contentType, String text) {
    return new Reply(
        status, Map.of(), new Bytes(contentType, text.getBytes(StandardCharsets.UTF_8)));
  }

  public static Reply empty(int status) {
    return new Reply(status, Map.of(), new Empty());
  }

  public static Reply file(String contentType, Path file, long length) {
    return new Reply(200, Map.of(), new FileContent(contentType, file, length));
  }

  /** A copy with this header added (or replaced). */
  public Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, copy, body);
  }
}
