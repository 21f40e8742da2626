package app.wauploader.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** A small HTTP client for tests against a running emulator (JDK HttpClient, HTTP/1.1). */
final class TestHttp {
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  TestHttp(URI base) {
    this.base = base;
  }

  /** An answer. */
  record Answer(int status, HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return JsonParser.parseString(text()).getAsJsonObject();
    }

    JsonArray jsonArray() {
      return JsonParser.parseString(text()).getAsJsonArray();
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  URI uri(String pathOrUrl) {
    return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
  }

  Answer get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Answer postJson(String path, String json, String... headers) {
    return send(
        "POST",
        path,
        json.getBytes(StandardCharsets.UTF_8),
        concat(headers, "Content-Type", "application/json"));
  }

  Answer post(String path, byte[] body, String... headers) {
    return send("POST", path, body, headers);
  }

  Answer put(String path, byte[] body, String... headers) {
    return send("PUT", path, body, headers);
  }

  Answer delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  /** Sends {@code body} (null = no body); headers as name, value pairs. */
  Answer send(String method, String path, byte[] body, String... headers) {
    return send(method, path, body, Duration.ofSeconds(30), headers);
  }

  Answer send(String method, String path, byte[] body, Duration timeout, String... headers) {
    try {
      return sendChecked(method, path, body, timeout, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like {@link #send} but lets IOException (connection reset, timeout) through. */
  Answer sendChecked(String method, String path, byte[] body, Duration timeout, String... headers)
      throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(timeout);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Sends a body with chunked transfer encoding (no Content-Length). */
  Answer sendChunked(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    builder.method(
        method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a request head declaring {@code declaredLength} body bytes, sends only {@code sent},
   * then closes the socket (a client killed mid-transfer).
   */
  void sendPartialAndClose(
      String method, String pathAndQuery, long declaredLength, byte[] sent, String... headers)
      throws IOException {
    URI uri = uri(pathAndQuery);
    String target =
        uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      head.append("Content-Length: ").append(declaredLength).append("\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(sent);
      out.flush();
    }
  }

  static String[] concat(String[] headers, String... more) {
    String[] all = new String[headers.length + more.length];
    System.arraycopy(headers, 0, all, 0, headers.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) {
    return hex("SHA-256", bytes);
  }

  static String md5(byte[] bytes) {
    return hex("MD5", bytes);
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }
}
