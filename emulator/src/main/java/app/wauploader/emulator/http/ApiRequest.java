package app.wauploader.emulator.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.ZipException;

/**
 * One incoming request after the plumbing: effective method (after {@code X-HTTP-Method-Override}),
 * decoded path, path parameters, query parameters (merged with a form body for an overridden GET),
 * headers, and the body stream (de-chunked, gunzipped, metered). Used by one thread.
 */
public final class ApiRequest {
  /** Largest JSON or form body the emulator parses into memory (bytes). */
  public static final int MAX_PARSED_BODY_BYTES = 16 * 1024 * 1024;

  private final String method;
  private final String path;
  private final Map<String, String> pathParameters;
  private final QueryParameters query;
  private final Headers headers;
  private final InputStream body;
  private final boolean bodyKnownEmpty;
  private final URI baseUri;
  private final Map<Class<?>, Object> attributes = new HashMap<>();

  /**
   * @param method effective method, upper case
   * @param path decoded path, e.g. {@code /drive/v3/files/abc}
   * @param pathParameters values of the route template's {@code {name}} segments
   * @param query query parameters (plus form parameters of an overridden GET)
   * @param headers request headers
   * @param body the body stream to read
   * @param bodyKnownEmpty true when the request declared no body at all
   * @param baseUri the emulator's base URI, e.g. {@code http://127.0.0.1:41234}
   */
  public ApiRequest(
      String method,
      String path,
      Map<String, String> pathParameters,
      QueryParameters query,
      Headers headers,
      InputStream body,
      boolean bodyKnownEmpty,
      URI baseUri) {
    this.method = method;
    this.path = path;
    this.pathParameters = Map.copyOf(pathParameters);
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.bodyKnownEmpty = bodyKnownEmpty;
    this.baseUri = baseUri;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The value of template segment {@code {name}}; throws when the route has no such segment. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }

  public QueryParameters query() {
    return query;
  }

  /** First value of query parameter {@code name}. */
  public Optional<String> param(String name) {
    return query.first(name);
  }

  /** First value of header {@code name} (case-insensitive), trimmed. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.getFirst(name)).map(String::trim);
  }

  /** The declared {@code Content-Length}, if the request has one. */
  public OptionalLong contentLength() {
    Optional<String> value = header("Content-Length");
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Invalid Content-Length: " + value.get());
    }
  }

  /** The body; read it at most once. */
  public InputStream body() {
    return body;
  }

  /**
   * True when the request declared no body (no Content-Length or Content-Length 0, not chunked).
   */
  public boolean bodyKnownEmpty() {
    return bodyKnownEmpty;
  }

  /** The emulator's base URI without trailing slash, for absolute URLs in answers. */
  public URI baseUri() {
    return baseUri;
  }

  /** The whole body as UTF-8 text. @throws ApiError 413 past {@link #MAX_PARSED_BODY_BYTES} */
  public String textBody() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    try {
      int n;
      while ((n = body.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_PARSED_BODY_BYTES) {
          throw ApiError.of(413, "requestTooLarge", "Request body is larger than 16 MiB.");
        }
      }
    } catch (ZipException e) {
      throw ApiError.badRequest("Malformed gzip request body: " + e.getMessage());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The body parsed as a JSON object; an empty body is {@code {}}. */
  public JsonObject jsonBody() throws IOException {
    return Json.parseObject(textBody());
  }

  /** The body parsed as a form ({@code application/x-www-form-urlencoded}). */
  public QueryParameters formBody() throws IOException {
    return QueryParameters.parse(textBody());
  }

  /** Attaches a typed value for the route handler (e.g. injected per-item failures). */
  public <T> void setAttribute(Class<T> type, T value) {
    attributes.put(type, value);
  }

  /** The attached value of {@code type}, if any. */
  public <T> Optional<T> attribute(Class<T> type) {
    return Optional.ofNullable(type.cast(attributes.get(type)));
  }
}
